# -*- perl -*-
# An 8 KiB array on the stack grows it and keeps its data.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-grow-stack) begin
(pt-grow-stack) the stack grew by 8 KiB
(pt-grow-stack) end
pt-grow-stack: exit(0)
EOF
pass;
