# -*- perl -*-
# Unmapping a mapping that was only read leaves the file alone.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-clean) begin
(mmap-clean) open "sample.txt"
(mmap-clean) mmap "sample.txt"
(mmap-clean) read the mapping
(mmap-clean) write to the start of the file
(mmap-clean) unmapped
(mmap-clean) open "sample.txt" to check it
(mmap-clean) "sample.txt" holds the expected 334 bytes
(mmap-clean) close "sample.txt"
(mmap-clean) end
mmap-clean: exit(0)
EOF
pass;
