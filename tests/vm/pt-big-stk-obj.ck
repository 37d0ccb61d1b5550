# -*- perl -*-
# A 64 KiB object on the stack grows it by sixteen pages and keeps its
# data.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-big-stk-obj) begin
(pt-big-stk-obj) filled a 64 KiB object on the stack
(pt-big-stk-obj) read it back intact
(pt-big-stk-obj) end
pt-big-stk-obj: exit(0)
EOF
pass;
