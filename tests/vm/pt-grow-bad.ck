# -*- perl -*-
# Once the stack has grown, a read 4 KiB below the stack pointer kills
# the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-grow-bad) begin
(pt-grow-bad) the stack grew by 8 KiB
pt-grow-bad: exit(-1)
EOF
pass;
