# -*- perl -*-
# A 4-VCPU VM runs the same CPU-bound job on each VCPU, first with all
# four pinned to one CPU, then free to use all 4 CPUs.  Both runs must
# finish every job, and when free the 4 VCPUs must spread over at
# least 3 CPUs (on both simulators).  On Bochs, whose CPUs share one clock, the job must
# take about a quarter of the time on 4 CPUs: a speed-up of at least
# 3.2.  On QEMU, whose -icount runs the CPUs in turn on one clock, 4
# CPUs do no more per second than 1, so only the work is checked.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-speedup');
for my $where ('on 1 cpu', 'on 4 cpus')
  {
    my $done = credit_figure ("$where:");
    fail ("$where: $done of 4 VCPUs did their job, not 4") unless $done == 4;
  }
credit_near ('CPUs the VCPUs ran on, pinned to one', credit_figure ('on 1 cpu: the VCPUs ran on'), 1, 0);
credit_at_least ('CPUs the 4 VCPUs ran on when free',
                 credit_figure ('on 4 cpus: the VCPUs ran on'), 3);
my $speedup = credit_figure ('speed-up from 1 to 4 cpus:');
if (smp_on_bochs ())
  {
    credit_at_least ('the speed-up from 1 to 4 CPUs', $speedup, 3.2);
    credit_at_most ('the speed-up from 1 to 4 CPUs', $speedup, 4.4);
  }
credit_done ();
