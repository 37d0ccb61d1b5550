# -*- perl -*-
# EFER and TSC are emulated, SYSENTER_CS is the guest's own, other MSRs
# and EFER bits it may not set raise #GP.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-msr) begin
(exit-msr) EFER reads 0 (SVME hidden)
(exit-msr) EFER after setting NXE: 0x800
(exit-msr) setting EFER.LME: #GP
(exit-msr) reading VM_CR: #GP
(exit-msr) reading APIC_BASE: #GP
(exit-msr) writing VM_CR: #GP
(exit-msr) SYSENTER_CS reads back 0x1234
(exit-msr) TSC after setting it to 0: restarted near 0
exit-msr: exit(0)
(exit-msr) end
EOF
pass;
