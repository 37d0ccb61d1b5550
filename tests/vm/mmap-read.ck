# -*- perl -*-
# A mapping holds its file's bytes, and zeros past its end.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-read) begin
(mmap-read) open "sample.txt"
(mmap-read) mmap "sample.txt"
(mmap-read) the mapping holds the file's bytes
(mmap-read) the rest of the page reads as zeros
(mmap-read) end
mmap-read: exit(0)
EOF
pass;
