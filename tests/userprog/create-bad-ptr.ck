# -*- perl -*-
# Passes an unmapped address as the name of a file to create: the
# process must be killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(create-bad-ptr) begin
create-bad-ptr: exit(-1)
EOF
pass;
