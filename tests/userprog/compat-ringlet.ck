# -*- perl -*-
# Without Pintos compatibility mode nothing changes: the banner is
# Ringlet's (the common checks want it), there is no Pintos banner, and
# a process killed for a fault prints its kill line, in the format
# userprog/exception.c gives it, just before its exit line.
use strict;
use warnings;
use tests::tests;

check_expected ([<<'EOT']);
(compat-ringlet) begin
(child-bad) run
child-bad: exit(-1)
(compat-ringlet) wait(exec("child-bad")): -1
compat-ringlet: exit(-1)
EOT

my @output = read_output ();
fail ("A 'Pintos booting' banner without Pintos compatibility mode:",
      grep { /Pintos booting/ } @output)
  if grep { /Pintos booting/ } @output;

my @core = get_core_output ('run', @output);
my ($exit) = grep { $core[$_] eq 'compat-ringlet: exit(-1)' } 0 .. $#core;
my $kill = qr/^compat-ringlet: killed: #PF Page Fault in ring 3 at eip=0x[0-9a-f]{8} \(reading 0x00000000: not mapped\)$/;
fail ("The line before 'compat-ringlet: exit(-1)' should be the fault's kill line, "
      . "'compat-ringlet: killed: #PF Page Fault in ring 3 at eip=0x... "
      . "(reading 0x00000000: not mapped)', but it is:",
      defined $exit && $exit > 0 ? "  $core[$exit - 1]" : "  (nothing)")
  unless defined $exit && $exit > 0 && $core[$exit - 1] =~ $kill;
pass;
