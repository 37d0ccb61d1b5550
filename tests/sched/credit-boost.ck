# -*- perl -*-
# A VCPU that sleeps and wakes among three CPU hogs is boosted: it runs
# within one tick (10,000 us) of every wake-up.  It must have woken
# (every 4 ticks: at least 15 times in the run), and used little CPU.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-boost');
credit_at_least ('wake-ups', credit_figure ('sleeper:'), 15);
credit_at_most ('the worst wake-up latency (us)',
                credit_figure ('sleeper: \d+ wake-ups in the run so far, worst latency'),
                10000);
credit_at_most ("the sleeper's share of the CPU",
                credit_figure ('sleeper: vm 1'), 5);
credit_done ();
