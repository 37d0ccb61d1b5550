# -*- perl -*-
# Makes an exit system call whose number is the last word of one page
# and whose argument is the first word of the next: both are valid, so
# the process must exit with the argument, 42.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sc-boundary) begin
sc-boundary: exit(42)
EOF
pass;
