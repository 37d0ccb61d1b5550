# -*- perl -*-
# One file mapped twice reads the same through both mappings.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-twice) begin
(mmap-twice) open "sample.txt"
(mmap-twice) open "sample.txt"
(mmap-twice) mmap "sample.txt"
(mmap-twice) mmap "sample.txt"
(mmap-twice) the first mapping holds the file's bytes
(mmap-twice) so does the second
(mmap-twice) end
mmap-twice: exit(0)
EOF
pass;
