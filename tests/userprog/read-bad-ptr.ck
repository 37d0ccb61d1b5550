# -*- perl -*-
# Reads into a kernel address: the process must be killed with exit
# code -1, and the kernel's memory left alone.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(read-bad-ptr) begin
(read-bad-ptr) open sample.txt
read-bad-ptr: exit(-1)
EOF
pass;
