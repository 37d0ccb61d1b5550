# -*- perl -*-
# rmmod hv clears EFER.SVME and withdraws the VM operations.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(hv-rmmod) begin
(hv-rmmod) EFER.SVME set with the hv loaded
guest-hello: exit(0)
(hv-rmmod) EFER.SVME clear after rmmod
(hv-rmmod) creating a VM now: no hypervisor loaded (insmod hv first)
(hv-rmmod) end
EOF
pass;
