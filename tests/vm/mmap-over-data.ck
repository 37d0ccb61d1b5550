# -*- perl -*-
# Mappings over the data segment, loaded or not, are refused.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-over-data) begin
(mmap-over-data) open "sample.txt"
(mmap-over-data) mmap over initialised data is refused
(mmap-over-data) mmap over zeroed data is refused
(mmap-over-data) end
mmap-over-data: exit(0)
EOF
pass;
