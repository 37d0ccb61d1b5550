# -*- perl -*-
# Chunks sorted by one child after another merge into the sorted data.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(page-merge-seq) begin
(page-merge-seq) wrote 128 KiB of random bytes in 8 chunks
(page-merge-seq) exec "child-sort 0"
(page-merge-seq) child 0 exited with status 0
(page-merge-seq) exec "child-sort 1"
(page-merge-seq) child 1 exited with status 1
(page-merge-seq) exec "child-sort 2"
(page-merge-seq) child 2 exited with status 2
(page-merge-seq) exec "child-sort 3"
(page-merge-seq) child 3 exited with status 3
(page-merge-seq) exec "child-sort 4"
(page-merge-seq) child 4 exited with status 4
(page-merge-seq) exec "child-sort 5"
(page-merge-seq) child 5 exited with status 5
(page-merge-seq) exec "child-sort 6"
(page-merge-seq) child 6 exited with status 6
(page-merge-seq) exec "child-sort 7"
(page-merge-seq) child 7 exited with status 7
(page-merge-seq) every chunk came back sorted
(page-merge-seq) merged: in order, and the same bytes as before
(page-merge-seq) end
EOF
pass;
