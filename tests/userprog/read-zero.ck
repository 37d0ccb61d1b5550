# -*- perl -*-
# Reads zero bytes: must return 0 and leave the buffer alone.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(read-zero) begin
(read-zero) open sample.txt
(read-zero) read of 0 bytes returns 0, buffer untouched
(read-zero) end
read-zero: exit(0)
EOF
pass;
