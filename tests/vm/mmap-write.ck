# -*- perl -*-
# What is written through a mapping reaches the file when it is
# unmapped.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-write) begin
(mmap-write) create "mapped"
(mmap-write) open "mapped"
(mmap-write) mmap "mapped"
(mmap-write) wrote a pattern through the mapping
(mmap-write) unmapped
(mmap-write) the file is still 10240 bytes long
(mmap-write) read it back
(mmap-write) it holds the pattern
(mmap-write) end
mmap-write: exit(0)
EOF
pass;
