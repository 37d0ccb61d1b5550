# -*- perl -*-
# System calls read into and write from stack pages the kernel grows.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-grow-stk-sc) begin
(pt-grow-stk-sc) open "sample.txt"
(pt-grow-stk-sc) read "sample.txt" into the bottom of a stack buffer
(pt-grow-stk-sc) create "copy.txt"
(pt-grow-stk-sc) open "copy.txt"
(pt-grow-stk-sc) write the stack buffer to "copy.txt"
(pt-grow-stk-sc) open "copy.txt" to check it
(pt-grow-stk-sc) "copy.txt" holds the expected 334 bytes
(pt-grow-stk-sc) close "copy.txt"
(pt-grow-stk-sc) end
pt-grow-stk-sc: exit(0)
EOF
pass;
