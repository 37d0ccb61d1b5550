# -*- perl -*-
# Who may act on which VM.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(owner) begin
(runner) pause its parent's VM A: EPERM
(runner) pause its own VM: OK
child-owner: exit(2)
(intruder) kill its parent's VM A: EPERM
(intruder) resume its sibling's VM B: EPERM
child-owner: exit(0)
(runner) pause its own VM: OK
child-owner: exit(3)
(middle) resume its child's VM: OK
(middle) kill its child's VM: OK
child-owner: exit(0)
(manager) kill its child's VM B: OK
(manager) kill its own VM A: OK
child-owner: exit(0)
(owner) the manager is done
(owner) VMs left: OK
(owner) end
owner: exit(0)
EOF
pass;
