# -*- perl -*-
# Reads from a kernel address: the process must be killed with exit
# code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(bad-read2) begin
bad-read2: exit(-1)
EOF
pass;
