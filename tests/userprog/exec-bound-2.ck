# -*- perl -*-
# Starts a child from a command line whose null terminator is the last
# mapped byte before an unmapped page: the kernel must not look past
# it.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exec-bound-2) begin
(exec-bound-2) exec "child-simple", ending at the last mapped byte
(child-simple) run
child-simple: exit(81)
(exec-bound-2) end
exec-bound-2: exit(0)
EOF
pass;
