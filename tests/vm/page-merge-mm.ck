# -*- perl -*-
# Chunks sorted through eight children's mappings merge into the sorted data.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(page-merge-mm) begin
(page-merge-mm) wrote 128 KiB of random bytes in 8 chunks
(page-merge-mm) exec "child-qsort-mm 0"
(page-merge-mm) exec "child-qsort-mm 1"
(page-merge-mm) exec "child-qsort-mm 2"
(page-merge-mm) exec "child-qsort-mm 3"
(page-merge-mm) exec "child-qsort-mm 4"
(page-merge-mm) exec "child-qsort-mm 5"
(page-merge-mm) exec "child-qsort-mm 6"
(page-merge-mm) exec "child-qsort-mm 7"
(page-merge-mm) child 0 exited with status 0
(page-merge-mm) child 1 exited with status 1
(page-merge-mm) child 2 exited with status 2
(page-merge-mm) child 3 exited with status 3
(page-merge-mm) child 4 exited with status 4
(page-merge-mm) child 5 exited with status 5
(page-merge-mm) child 6 exited with status 6
(page-merge-mm) child 7 exited with status 7
(page-merge-mm) every chunk came back sorted
(page-merge-mm) merged: in order, and the same bytes as before
(page-merge-mm) end
EOF
pass;
