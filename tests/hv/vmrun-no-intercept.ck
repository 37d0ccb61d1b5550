# -*- perl -*-
# VMRUN refuses a flawed VMCB: the hv names the check, kills that VM,
# and the next VM runs.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vmrun-no-intercept) begin
(vmrun-no-intercept) vm killed: hv bug: VMRUN refused the VMCB (VMEXIT_INVALID): VMRUN is not intercepted
guest-hello: exit(0)
(vmrun-no-intercept) end
EOF
pass;
