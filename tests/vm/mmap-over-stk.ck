# -*- perl -*-
# A mapping over the stack is refused.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-over-stk) begin
(mmap-over-stk) open "sample.txt"
(mmap-over-stk) mmap over the stack is refused
(mmap-over-stk) end
mmap-over-stk: exit(0)
EOF
pass;
