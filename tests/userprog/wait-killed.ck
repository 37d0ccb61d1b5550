# -*- perl -*-
# Waits for a child the kernel kills: wait returns -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(wait-killed) begin
(child-bad) run
child-bad: exit(-1)
(wait-killed) wait(exec("child-bad")): -1
(wait-killed) end
wait-killed: exit(0)
EOF
pass;
