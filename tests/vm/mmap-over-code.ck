# -*- perl -*-
# A mapping over the code segment is refused.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-over-code) begin
(mmap-over-code) open "sample.txt"
(mmap-over-code) mmap over the code segment is refused
(mmap-over-code) end
mmap-over-code: exit(0)
EOF
pass;
