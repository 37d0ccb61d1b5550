# -*- perl -*-
# Delivering an exception through an IDT in MMIO kills the VM; the
# instruction at EIP is not emulated in its name.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(npf-mmio-idt) begin
(npf-mmio-idt) IDT moved to MMIO at 0xfed00000; raising #BP
(npf-mmio-idt) vm killed: event delivery reached the virtual timer at 0xfed00018 (only data accesses are emulated)
(npf-mmio-idt) end
EOF
pass;
