# -*- perl -*-
# 8 busy VCPUs (4 VMs of 2, weights 1:1:2:4) on 4 CPUs.  On Bochs,
# whose CPUs each get their own turn on one clock: balance, each CPU's
# busy share of the window within 5 points of the mean; and weights
# across CPUs, the VMs getting 0.5, 0.5, 1 and 2 CPUs, that is 12.5%,
# 12.5%, 25% and 50% of what they ran together, within 3 points.  On
# QEMU, whose -icount runs the CPUs in turn, the time-stamp counter
# runs on while other CPUs have their turn, so a VCPU is charged for
# their turns too and shares across CPUs mean little: there every CPU
# must have been busy and every VM must have run.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-balance');
my $mean = credit_figure ('mean busy share:');
my @shares = map { credit_figure ("weights 1:1:2:4 on 4 cpus: vm $_ share") } 1 .. 4;
if (smp_on_bochs ())
  {
    for my $cpu (1 .. 4)
      {
        credit_near ("cpu ${cpu}'s busy share against the mean $mean",
                     credit_figure ("cpu $cpu: busy"), $mean, 5);
      }
    my @expected = (12.5, 12.5, 25, 50);
    credit_near ("vm ${_}'s share", $shares[$_ - 1], $expected[$_ - 1], 3)
      for 1 .. 4;
  }
else
  {
    credit_at_least ("cpu ${_}'s busy share", credit_figure ("cpu $_: busy"), 1)
      for 1 .. 4;
    credit_at_least ("vm ${_}'s share", $shares[$_ - 1], 1) for 1 .. 4;
  }
credit_done ();
