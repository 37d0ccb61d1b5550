# -*- perl -*-
# Random swaps over twice the memory the process may hold keep a
# permutation and its inverse consistent.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(page-shuffle) begin
(page-shuffle) set up a permutation of 65536 entries and its inverse
(page-shuffle) made 1000 random swaps
(page-shuffle) the permutation and its inverse still match
(page-shuffle) end
page-shuffle: exit(0)
EOF
pass;
