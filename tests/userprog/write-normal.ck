# -*- perl -*-
# Writes a file and reads back what it holds.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(write-normal) begin
(write-normal) create test.txt
(write-normal) open test.txt
(write-normal) write 334 bytes to test.txt
(write-normal) open "test.txt" to check it
(write-normal) "test.txt" holds the expected 334 bytes
(write-normal) close "test.txt"
(write-normal) end
write-normal: exit(0)
EOF
pass;
