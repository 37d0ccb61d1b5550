# -*- perl -*-
# Guest test paging-pae's guest under shadow paging (hv/shadow.c): the same
# lines as under nested paging.
use strict;
use warnings;
use tests::tests;
use tests::hv::shadow;
check_shadowed ('shadow-paging-pae', <<'EOF');
(paging-pae) paging on
(paging-pae) written through the alias at 0x40000000
(paging-pae) timer vector through the guest's tables: 0x33
(paging-pae) paging off; the buffer still holds 53 bytes
paging-pae: exit(0)
EOF
pass;
