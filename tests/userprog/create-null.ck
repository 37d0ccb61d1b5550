# -*- perl -*-
# Passes a null pointer as the name of a file to create: the process
# must be killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(create-null) begin
create-null: exit(-1)
EOF
pass;
