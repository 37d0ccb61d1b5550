# -*- perl -*-
# Destroying a VM returns every page, round after round.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vm-leak) begin
guest-hello: exit(0)
(vm-leak) round 1: every page returned
guest-hello: exit(0)
(vm-leak) round 2: every page returned
guest-hello: exit(0)
(vm-leak) round 3: every page returned
(vm-leak) end
EOF
pass;
