# -*- perl -*-
# Makes a system call whose number starts in the last byte of the last
# mapped page of the program's data and runs on into the unmapped page
# above: the process must be killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sc-boundary-3) begin
sc-boundary-3: exit(-1)
EOF
pass;
