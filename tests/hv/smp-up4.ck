# -*- perl -*-
# On 4 CPUs, the hv starts the 3 other(s) as it loads, and each
# answers IPIs, ticks at its calibrated rate and runs a guest.
use strict;
use warnings;
use tests::tests;
use tests::hv::smp;
check_expected ([<<'END']);
(smp-up4) begin
(smp-up4) the hv is loaded
(smp-up4) end
END
check_smp_loads (4, 1, read_output ());
pass;
