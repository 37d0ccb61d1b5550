# -*- perl -*-
# A guest page-table walk that reaches MMIO kills the VM; nothing is
# emulated in its name.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(npf-mmio-walk) begin
(npf-mmio-walk) paging on; writing linear 0x400000, whose page table is MMIO
(npf-mmio-walk) vm killed: its page-table walk reached the virtual timer at 0xfed00000 (only data accesses are emulated)
(npf-mmio-walk) end
EOF
pass;
