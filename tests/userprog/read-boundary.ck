# -*- perl -*-
# Reads sample.txt into a buffer that straddles a page boundary.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(read-boundary) begin
(read-boundary) open sample.txt
(read-boundary) read 334 bytes into a buffer across a page boundary
(read-boundary) they are the right bytes
(read-boundary) end
read-boundary: exit(0)
EOF
pass;
