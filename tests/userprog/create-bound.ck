# -*- perl -*-
# Creates a file whose name straddles a page boundary.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(create-bound) begin
(create-bound) create quux.dat, its name across a page boundary
(create-bound) end
create-bound: exit(0)
EOF
pass;
