# -*- perl -*-
# A write to the code segment kills the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-write-code) begin
pt-write-code: exit(-1)
EOF
pass;
