# -*- perl -*-
# A mapping outlives the descriptor it was made from.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-close) begin
(mmap-close) open "sample.txt"
(mmap-close) mmap "sample.txt"
(mmap-close) close the descriptor
(mmap-close) the mapping still holds the file's bytes
(mmap-close) end
mmap-close: exit(0)
EOF
pass;
