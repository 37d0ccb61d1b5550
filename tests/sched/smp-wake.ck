# -*- perl -*-
# A VCPU that wakes every 4 ticks beside three hogs on 4 CPUs always
# finds an idle CPU: it must have woken at least 30 times in the 200
# ticks and, on Bochs, run within one tick (10,000 us) of every
# wake-up.  On QEMU each CPU is a host thread that the host may
# deschedule for a while, so there the latency is only reported.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-wake');
credit_at_least ('wake-ups', credit_figure ('sleeper:'), 30);
credit_at_most ('the worst wake-up latency (us)',
                credit_figure ('sleeper: \d+ wake-ups, worst latency'), 10000)
  if smp_on_bochs ();
credit_done ();
