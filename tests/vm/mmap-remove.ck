# -*- perl -*-
# A mapping keeps its file after the file is removed.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-remove) begin
(mmap-remove) open "sample.txt"
(mmap-remove) mmap "sample.txt"
(mmap-remove) remove "sample.txt"
(mmap-remove) create "sample.txt"
(mmap-remove) the mapping holds the removed file's bytes
(mmap-remove) open "sample.txt" to check it
(mmap-remove) "sample.txt" holds the expected 37 bytes
(mmap-remove) close "sample.txt"
(mmap-remove) end
mmap-remove: exit(0)
EOF
pass;
