# -*- perl -*-
# VMRUN refuses a flawed VMCB: the hv names the check, kills that VM,
# and the next VM runs.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vmrun-asid0) begin
(vmrun-asid0) vm killed: hv bug: VMRUN refused the VMCB (VMEXIT_INVALID): guest ASID is 0, the host's own
guest-hello: exit(0)
(vmrun-asid0) end
EOF
pass;
