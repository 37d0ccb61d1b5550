# -*- perl -*-
# VMRUN refuses a flawed VMCB: the hv names the check, kills that VM,
# and the next VM runs.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vmrun-no-svme) begin
(vmrun-no-svme) vm killed: hv bug: VMRUN refused the VMCB (VMEXIT_INVALID): guest EFER.SVME is clear
guest-hello: exit(0)
(vmrun-no-svme) end
EOF
pass;
