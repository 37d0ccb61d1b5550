# -*- perl -*-
# Passes an unmapped address as the command line: the process must be
# killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exec-bad-ptr) begin
exec-bad-ptr: exit(-1)
EOF
pass;
