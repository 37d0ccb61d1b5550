# -*- perl -*-
# Checks that six processes writing their own chunks of one file at
# once, into shared sectors, leave every chunk intact.  Exit codes are
# left out as for syn-read.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(syn-write) begin
(syn-write) create "stuff"
(syn-write) exec "child-syn-wrt 0"
(syn-write) exec "child-syn-wrt 1"
(syn-write) exec "child-syn-wrt 2"
(syn-write) exec "child-syn-wrt 3"
(syn-write) exec "child-syn-wrt 4"
(syn-write) exec "child-syn-wrt 5"
(syn-write) child 0 exited with status 0
(syn-write) child 1 exited with status 1
(syn-write) child 2 exited with status 2
(syn-write) child 3 exited with status 3
(syn-write) child 4 exited with status 4
(syn-write) child 5 exited with status 5
(syn-write) open "stuff" to check it
(syn-write) "stuff" holds the expected 6000 bytes
(syn-write) close "stuff"
(syn-write) end
EOF
pass;
