# -*- perl -*-
# STATS of a running VM.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
check_vmctl_lines (<<'EOF', \@core);
(stats) begin
(stats) stats name VM 1 as ticker
(stats) 2 VCPUs, weight 256
(stats) exits grow as it runs
(stats) CPU time grows as it runs
(stats) VCPU 0 ran and woke from halts
(stats) VCPU 1, never brought up, did not run
(stats) stats of VM 99: ENOVM
(stats) end
stats: exit(0)
EOF
pass;
