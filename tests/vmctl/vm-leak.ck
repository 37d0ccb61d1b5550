# -*- perl -*-
# Every page of every kind of VM comes back.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
my $hello = "hello: exit(0)\n";
check_vmctl_lines (<<"EOF", \@core);
(vm-leak) begin
${hello}${hello}${hello}${hello}${hello}(vm-leak) 4 VMs exited and 4 were killed
(vm-leak) pause: OK
(vm-leak) snapshot: OK
(vm-leak) kill the clone, never run: OK
(vm-leak) kill the restored VM, never run: OK
(vm-leak) snapshot removed
(vm-leak) VMs left: OK
(vm-leak) as many free pages as before
(vm-leak) end
vm-leak: exit(0)
EOF
pass;
