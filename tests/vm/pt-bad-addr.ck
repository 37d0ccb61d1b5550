# -*- perl -*-
# A read where nothing is mapped kills the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-bad-addr) begin
pt-bad-addr: exit(-1)
EOF
pass;
