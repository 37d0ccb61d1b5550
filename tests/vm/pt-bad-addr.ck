# -*- perl -*-
# Once the stack has grown, a read where nothing is mapped kills the
# process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-bad-addr) begin
(pt-bad-addr) the stack grew by 8 KiB
pt-bad-addr: exit(-1)
EOF
pass;
