# -*- perl -*-
# Once the stack has grown, a write to the code segment kills the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-write-code) begin
(pt-write-code) the stack grew by 8 KiB
pt-write-code: exit(-1)
EOF
pass;
