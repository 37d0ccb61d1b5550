# -*- perl -*-
# A triple-faulting guest ends only its own VM.  The hv intercepts #DF
# as well as SHUTDOWN; which one ends the VM is the simulator's choice:
# QEMU never offers an escalated #DF to the intercept and reports the
# triple fault (SHUTDOWN), Bochs offers the #DF (and would panic, not
# exit, on the triple fault itself).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(exit-shutdown) begin
(exit-shutdown) loading an empty IDT and raising #BP
(exit-shutdown) vm killed: triple fault (shutdown intercepted)
(exit-shutdown) end
EOF
(exit-shutdown) begin
(exit-shutdown) loading an empty IDT and raising #BP
(exit-shutdown) vm killed: double fault (#DF intercepted before a triple fault)
(exit-shutdown) end
EOF
pass;
