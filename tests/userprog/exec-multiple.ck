# -*- perl -*-
# Starts a child and waits for it, five times over.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exec-multiple) begin
(exec-multiple) exec child-simple, round 1
(child-simple) run
child-simple: exit(81)
(exec-multiple) exec child-simple, round 2
(child-simple) run
child-simple: exit(81)
(exec-multiple) exec child-simple, round 3
(child-simple) run
child-simple: exit(81)
(exec-multiple) exec child-simple, round 4
(child-simple) run
child-simple: exit(81)
(exec-multiple) exec child-simple, round 5
(child-simple) run
child-simple: exit(81)
(exec-multiple) end
exec-multiple: exit(0)
EOF
pass;
