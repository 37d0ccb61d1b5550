# -*- perl -*-
# Guest test npf-demand's guest under shadow paging (hv/shadow.c): the same
# lines as under nested paging.
use strict;
use warnings;
use tests::tests;
use tests::hv::shadow;
check_shadowed ('shadow-npf-demand', <<'EOF');
(npf-demand) 64 untouched pages read as zeros
(npf-demand) 64 pages kept what was written to them
npf-demand: exit(0)
EOF
pass;
