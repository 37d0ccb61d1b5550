# -*- perl -*-
# Chunks sorted by eight children at once merge into the sorted data.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(page-merge-par) begin
(page-merge-par) wrote 128 KiB of random bytes in 8 chunks
(page-merge-par) exec "child-sort 0"
(page-merge-par) exec "child-sort 1"
(page-merge-par) exec "child-sort 2"
(page-merge-par) exec "child-sort 3"
(page-merge-par) exec "child-sort 4"
(page-merge-par) exec "child-sort 5"
(page-merge-par) exec "child-sort 6"
(page-merge-par) exec "child-sort 7"
(page-merge-par) child 0 exited with status 0
(page-merge-par) child 1 exited with status 1
(page-merge-par) child 2 exited with status 2
(page-merge-par) child 3 exited with status 3
(page-merge-par) child 4 exited with status 4
(page-merge-par) child 5 exited with status 5
(page-merge-par) child 6 exited with status 6
(page-merge-par) child 7 exited with status 7
(page-merge-par) every chunk came back sorted
(page-merge-par) merged: in order, and the same bytes as before
(page-merge-par) end
EOF
pass;
