# -*- perl -*-
# Two VMs in the background, listed and killed.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
my $expected = <<'EOF';
(run-list-kill) begin
(run-list-kill) two VMs with two numbers
(run-list-kill) ticker: name ticker, state 1, 1 VCPU(s), weight 256, cap 0, RAM 4096 KiB, nested paging, tdf 1, owner a process
(run-list-kill) guest-spin: name guest-spin, state 1, 2 VCPU(s), weight 512, cap 50, RAM 8192 KiB, shadow paging, tdf 3, owner a process
(run-list-kill) ticker has made exits
(run-list-kill) ticker is gone once kill returns
(run-list-kill) kill it again: ENOVM
(run-list-kill) VMs left: OK
(run-list-kill) end
run-list-kill: exit(0)
EOF
# The VM that asks for no paging gets the kernel's default, nested
# unless the tests run with PAGING=shadow.
(my $shadow = $expected) =~ s/RAM 4096 KiB, nested paging/RAM 4096 KiB, shadow paging/;
check_vmctl_lines ([$expected, $shadow], \@core);
my @counts = counts_between (\@core, undef, undef);
fail ("ticker printed no line while it ran.") unless @counts;
pass;
