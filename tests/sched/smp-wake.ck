# -*- perl -*-
# A VCPU that wakes every 4 ticks beside three hogs on 4 CPUs always
# finds an idle CPU: the 4 VMs use all 4 CPUs.  On Bochs it must have
# woken at least 30 times in the 200 ticks and run within one tick
# (10,000 us) of every wake-up.
# On QEMU, whose -icount runs the CPUs in turn, a CPU may wait for its
# turn longer than that: there it must have woken at least 10 times,
# and the latency is only reported.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-wake');
credit_near ('CPUs the 4 VMs ran on', credit_figure ('the 4 VMs ran on'), 4, 0);
if (smp_on_bochs ())
  {
    credit_at_least ('wake-ups', credit_figure ('sleeper:'), 30);
    credit_at_most ('the worst wake-up latency (us)',
                    credit_figure ('sleeper: \d+ wake-ups, worst latency'),
                    10000);
  }
else
  {
    credit_at_least ('wake-ups', credit_figure ('sleeper:'), 10);
  }
credit_done ();
