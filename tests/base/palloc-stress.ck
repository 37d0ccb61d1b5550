# -*- perl -*-
# Checks that every round of taking and freeing all pages passed.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(palloc-stress) begin
(palloc-stress) 3 rounds: single pages; runs of 1-8 pages; zeroed runs
(palloc-stress) every free page taken, no overlap, all returned
(palloc-stress) free page count back to its starting value
(palloc-stress) end
EOF
pass;
