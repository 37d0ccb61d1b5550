# -*- perl -*-
# Starts a child from a command line that straddles a page boundary.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exec-bound) begin
(exec-bound) exec "child-args arg", across a page boundary
(args) begin
(args) argc = 2
(args) argv[0] = 'child-args'
(args) argv[1] = 'arg'
(args) argv[2] = null
(args) end
child-args: exit(0)
(exec-bound) end
exec-bound: exit(0)
EOF
pass;
