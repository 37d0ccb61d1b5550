# -*- perl -*-
# Three busy VMs with weights 1:2:4 share the CPU 1/7, 2/7 and 4/7:
# each measured share (over 120 ticks, 40 slices) within 2 percentage
# points.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-weights');
my @weights = (1, 2, 4);
for my $vm (1 .. 3)
  {
    my $share = credit_figure ("weights 128:256:512: vm $vm share");
    credit_near ("vm $vm's share", $share, 100 * $weights[$vm - 1] / 7, 2);
  }
credit_done ();
