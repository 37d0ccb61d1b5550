# -*- perl -*-
# Writes zero bytes: must return 0.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(write-zero) begin
(write-zero) open sample.txt
(write-zero) write of 0 bytes returns 0
(write-zero) end
write-zero: exit(0)
EOF
pass;
