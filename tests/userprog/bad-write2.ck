# -*- perl -*-
# Writes to a kernel address: the process must be killed with exit
# code -1, and the kernel left unharmed.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(bad-write2) begin
bad-write2: exit(-1)
EOF
pass;
