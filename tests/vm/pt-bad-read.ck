# -*- perl -*-
# Once the stack has grown, read() into a buffer far below the stack
# pointer kills the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-bad-read) begin
(pt-bad-read) the stack grew by 8 KiB
(pt-bad-read) open "sample.txt"
pt-bad-read: exit(-1)
EOF
pass;
