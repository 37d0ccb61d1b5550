# -*- perl -*-
# Guest test paging-legacy's guest under shadow paging (hv/shadow.c): the same
# lines as under nested paging.
use strict;
use warnings;
use tests::tests;
use tests::hv::shadow;
check_shadowed ('shadow-paging-legacy', <<'EOF');
(paging-legacy) paging on
(paging-legacy) written through the alias at 0x40000000
(paging-legacy) timer vector through the guest's tables: 0x33
(paging-legacy) paging off; the buffer still holds 56 bytes
paging-legacy: exit(0)
EOF
pass;
