# -*- perl -*-
# An unexpected exit kills that VM only.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-unknown) begin
(exit-unknown) reading a performance counter
(exit-unknown) vm killed: unexpected exit code 0x6f
guest-hello: exit(0)
(exit-unknown) end
EOF
pass;
