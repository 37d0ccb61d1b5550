# -*- perl -*-
# Jumps to address 0, which is never mapped: the process must be
# killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(bad-jump) begin
bad-jump: exit(-1)
EOF
pass;
