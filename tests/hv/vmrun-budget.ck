# -*- perl -*-
# "vmrun NAME+budget=TICKS" ends a spinning guest when its budget is
# used up; an unknown option, or a value out of range, is refused.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
my @expected = (
  "hv: vm 1 'guest-spin' killed: used up its CPU budget of 20 ticks",
  "guest-hello: exit(0)",
  "vmctl: unknown option or value out of range: '+x' for 'hello'",
  "vmctl: unknown option or value out of range: '+vcpus=9' for 'hello'");
for my $line (@expected)
  {
    grep { $_ eq $line } @output
      or fail ("Missing line: $line");
  }
check_expected ([<<'EOF']);
(vmrun-budget) begin
(vmrun-budget) VM 1 after vmrun: no such VM
(vmrun-budget) VM 2 after vmrun: no such VM
(vmrun-budget) end
EOF
pass;
