# -*- perl -*-
# A process may wait only for its own children: a child that waits for
# its sibling gets -1, and the parent can still wait for that sibling
# afterwards.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(wait-not-child) begin
(wait-not-child) exec child-simple
(child-simple) run
child-simple: exit(81)
(wait-not-child) wait: 81
(child-wait) wait for my sibling: -1
child-wait: exit(0)
(wait-not-child) child-wait exited with 0
(wait-not-child) end
wait-not-child: exit(0)
EOF
pass;
