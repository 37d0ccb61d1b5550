# -*- perl -*-
# A 4 KiB array on the stack grows it by a page and keeps its data.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-grow-stack) begin
(pt-grow-stack) filled a 4096-byte array on the stack
(pt-grow-stack) read it back intact
(pt-grow-stack) end
pt-grow-stack: exit(0)
EOF
pass;
