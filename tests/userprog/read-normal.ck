# -*- perl -*-
# Reads sample.txt and compares it with what it should hold.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(read-normal) begin
(read-normal) open "sample.txt" to check it
(read-normal) "sample.txt" holds the expected 334 bytes
(read-normal) close "sample.txt"
(read-normal) end
read-normal: exit(0)
EOF
pass;
