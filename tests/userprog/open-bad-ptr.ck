# -*- perl -*-
# Passes an unmapped address as the name of a file to open: the
# process must be killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(open-bad-ptr) begin
open-bad-ptr: exit(-1)
EOF
pass;
