# -*- perl -*-
# Makes an exit system call whose number itself straddles a page
# boundary (one byte below it, three above): valid, so the process
# must exit with the argument, 67.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sc-boundary-2) begin
sc-boundary-2: exit(67)
EOF
pass;
