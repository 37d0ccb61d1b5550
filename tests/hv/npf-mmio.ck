# -*- perl -*-
# MMIO to the virtual timer through several MOV encodings.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(npf-mmio) begin
(npf-mmio) vector via EAX and moffs32: 0x30
(npf-mmio) vector via imm32 store and disp8 load into ESI: 0x31
(npf-mmio) vector via SIB store: 0x32
(npf-mmio) vector after writing 5 (an exception vector): 0x32
(npf-mmio) expiries after writing 99 to the read-only register: 0
(npf-mmio) period of the stopped timer: 0
npf-mmio: exit(0)
(npf-mmio) end
EOF
pass;
