# -*- perl -*-
# Chunks sorted on eight children's grown stacks merge into the sorted data.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(page-merge-stk) begin
(page-merge-stk) wrote 128 KiB of random bytes in 8 chunks
(page-merge-stk) exec "child-qsort 0"
(page-merge-stk) exec "child-qsort 1"
(page-merge-stk) exec "child-qsort 2"
(page-merge-stk) exec "child-qsort 3"
(page-merge-stk) exec "child-qsort 4"
(page-merge-stk) exec "child-qsort 5"
(page-merge-stk) exec "child-qsort 6"
(page-merge-stk) exec "child-qsort 7"
(page-merge-stk) child 0 exited with status 0
(page-merge-stk) child 1 exited with status 1
(page-merge-stk) child 2 exited with status 2
(page-merge-stk) child 3 exited with status 3
(page-merge-stk) child 4 exited with status 4
(page-merge-stk) child 5 exited with status 5
(page-merge-stk) child 6 exited with status 6
(page-merge-stk) child 7 exited with status 7
(page-merge-stk) every chunk came back sorted
(page-merge-stk) merged: in order, and the same bytes as before
(page-merge-stk) end
EOF
pass;
