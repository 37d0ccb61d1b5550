# -*- perl -*-
# Guest paging on (legacy tables) under nested paging: an alias mapping,
# a hypercall buffer and MMIO all reached through the guest's tables.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(paging-legacy) begin
(paging-legacy) paging on
(paging-legacy) written through the alias at 0x40000000
(paging-legacy) timer vector through the guest's tables: 0x33
(paging-legacy) paging off; the buffer still holds 56 bytes
paging-legacy: exit(0)
(paging-legacy) end
EOF
pass;
