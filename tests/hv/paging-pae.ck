# -*- perl -*-
# Guest paging on (pae tables) under nested paging: an alias mapping,
# a hypercall buffer and MMIO all reached through the guest's tables.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(paging-pae) begin
(paging-pae) paging on
(paging-pae) written through the alias at 0x40000000
(paging-pae) timer vector through the guest's tables: 0x33
(paging-pae) paging off; the buffer still holds 53 bytes
paging-pae: exit(0)
(paging-pae) end
EOF
pass;
