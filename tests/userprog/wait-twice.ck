# -*- perl -*-
# Waits for the same child twice: the second wait returns -1 at once.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(wait-twice) begin
(wait-twice) exec child-simple
(child-simple) run
child-simple: exit(81)
(wait-twice) wait: 81
(wait-twice) wait again: -1
(wait-twice) end
wait-twice: exit(0)
EOF
pass;
