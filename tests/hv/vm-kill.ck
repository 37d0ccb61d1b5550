# -*- perl -*-
# A running VM is stopped by vmctl_kill from another thread, whether
# it spins with interrupts on or masked or halts waiting for an
# interrupt far in the future.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vm-kill) begin
(vm-kill) vm killed: stopped at the host's request
(vm-kill) guest-spin.bin killed; killing it again: no such VM
(spin-masked) spinning with interrupts masked
(vm-kill) vm killed: stopped at the host's request
(vm-kill) guest-spin-masked.bin killed; killing it again: no such VM
(vm-kill) vm killed: stopped at the host's request
(vm-kill) guest-halt.bin killed; killing it again: no such VM
(vm-kill) end
EOF
pass;
