# -*- perl -*-
# Checks that eight processes reading one file at once all read it
# whole.  Their exit lines come in any order, so exit codes are left
# out; wait() reports each child's status instead.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(syn-read) begin
(syn-read) create "data"
(syn-read) open "data"
(syn-read) write "data"
(syn-read) close "data"
(syn-read) exec "child-syn-read 0"
(syn-read) exec "child-syn-read 1"
(syn-read) exec "child-syn-read 2"
(syn-read) exec "child-syn-read 3"
(syn-read) exec "child-syn-read 4"
(syn-read) exec "child-syn-read 5"
(syn-read) exec "child-syn-read 6"
(syn-read) exec "child-syn-read 7"
(syn-read) child 0 exited with status 0
(syn-read) child 1 exited with status 1
(syn-read) child 2 exited with status 2
(syn-read) child 3 exited with status 3
(syn-read) child 4 exited with status 4
(syn-read) child 5 exited with status 5
(syn-read) child 6 exited with status 6
(syn-read) child 7 exited with status 7
(syn-read) end
EOF
pass;
