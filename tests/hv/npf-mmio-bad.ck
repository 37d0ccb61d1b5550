# -*- perl -*-
# A malformed MMIO access kills the VM with a clear reason.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(npf-mmio-bad) begin
(npf-mmio-bad) reading one byte of the timer's period register
(npf-mmio-bad) vm killed: bad 1-byte read of virtual timer register 0
(npf-mmio-bad) end
EOF
pass;
