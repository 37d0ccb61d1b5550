# -*- perl -*-
# An empty file cannot be mapped.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-zero) begin
(mmap-zero) create "empty"
(mmap-zero) open "empty"
(mmap-zero) mmap of an empty file is refused
(mmap-zero) end
mmap-zero: exit(0)
EOF
pass;
