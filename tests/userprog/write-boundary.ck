# -*- perl -*-
# Writes from a buffer that straddles a page boundary.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(write-boundary) begin
(write-boundary) open sample.txt
(write-boundary) write 334 bytes from a buffer across a page boundary
(write-boundary) open "sample.txt" to check it
(write-boundary) "sample.txt" holds the expected 334 bytes
(write-boundary) close "sample.txt"
(write-boundary) end
write-boundary: exit(0)
EOF
pass;
