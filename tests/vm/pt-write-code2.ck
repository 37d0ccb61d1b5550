# -*- perl -*-
# Once the stack has grown, read() into the code segment kills the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-write-code2) begin
(pt-write-code2) the stack grew by 8 KiB
(pt-write-code2) open "sample.txt"
pt-write-code2: exit(-1)
EOF
pass;
