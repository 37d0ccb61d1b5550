# -*- perl -*-
# Passes a null pointer as the name of a file to open: the process
# must be killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(open-null) begin
open-null: exit(-1)
EOF
pass;
