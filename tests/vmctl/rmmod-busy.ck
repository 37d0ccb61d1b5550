# -*- perl -*-
# rmmod hv is refused while a VM exists, with a message.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
check_vmctl_lines (<<'EOF', \@core);
(rmmod-busy) begin
(rmmod-busy) rmmod hv while guest-spin runs refused
(rmmod-busy) rmmod hv once it is killed
(rmmod-busy) end
rmmod-busy: exit(0)
EOF
fail ("rmmod did not say why it refused.")
  unless grep { /^rmmod: hv: 1 VM\(s\) that user programs started still exist: kill them first$/ } @core;
fail ("The hv was not unloaded at the end.")
  unless grep { /^rmmod: hv: module unloaded$/ } @core;
pass;
