# -*- perl -*-
# Reads from address 0, which is never mapped: the process must be
# killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(bad-read) begin
bad-read: exit(-1)
EOF
pass;
