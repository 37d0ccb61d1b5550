# -*- perl -*-
# Reading where an unmapped mapping was kills the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-unmap) begin
(mmap-unmap) open "sample.txt"
(mmap-unmap) mmap "sample.txt"
(mmap-unmap) unmapped
mmap-unmap: exit(-1)
EOF
pass;
