# -*- perl -*-
# 8 busy VCPUs (4 VMs of 2, weights 1:1:2:4) on 4 CPUs.  Balance: each
# CPU's busy share of the window is within 5 points of the mean.
# Weights across CPUs: the VMs get 0.5, 0.5, 1 and 2 CPUs, that is
# 12.5%, 12.5%, 25% and 50% of what they ran together, within 3 points
# on Bochs and 5 on QEMU (whose CPUs run on the host's clock).
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-balance');
my $mean = credit_figure ('mean busy share:');
for my $cpu (0 .. 3)
  {
    credit_near ("cpu $cpu's busy share against the mean $mean",
                 credit_figure ("cpu $cpu: busy"), $mean, 5);
  }
my $tolerance = smp_on_bochs () ? 3 : 5;
my @expected = (12.5, 12.5, 25, 50);
for my $vm (1 .. 4)
  {
    credit_near ("vm ${vm}'s share",
                 credit_figure ("weights 1:1:2:4 on 4 cpus: vm $vm share"),
                 $expected[$vm - 1], $tolerance);
  }
credit_done ();
