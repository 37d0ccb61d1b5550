# -*- perl -*-
# A traced VM prints one line per exit: as many CPUID, MSR, VMMCALL
# and IOIO lines as guest-stats makes exits of each kind.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-trace) begin
guest-stats: exit(0)
(exit-trace) end
EOF
my %want = (cpuid => 7, msr => 3, vmmcall => 6, ioio => 4);
my %seen;
for (read_output ())
  {
    $seen{$1}++ if /^hv: vm \d+ exit (\S+)\s+eip [0-9a-f]{8} info1 [0-9a-f]+ info2 [0-9a-f]+$/;
  }
for my $reason (sort keys %want)
  {
    my $n = $seen{$reason} // 0;
    fail ("expected $want{$reason} trace lines for $reason exits, found $n")
      if $n != $want{$reason};
  }
pass;
