# -*- perl -*-
# On 2 CPUs, the hv starts the 1 other(s) as it loads, and each
# answers IPIs, ticks at its calibrated rate and runs a guest.
use strict;
use warnings;
use tests::tests;
use tests::hv::smp;
check_expected ([<<'END']);
(smp-up2) begin
(smp-up2) the hv is loaded
(smp-up2) end
END
check_smp_loads (2, 1, read_output ());
pass;
