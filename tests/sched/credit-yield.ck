# -*- perl -*-
# A VCPU that gives up the CPU just before every tick, beside two hogs
# of the same weight, is charged for every cycle it ran, so it gets no
# more than its weight's share, a third (within 2 points); if time
# were charged by sampling at ticks, it would never pay.  It still
# gets a fair part (at least 25%).
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-yield');
my $share = credit_figure ('yielder and two hogs: vm 1 share');
credit_at_most ("the yielder's share", $share, 100 / 3 + 2);
credit_at_least ("the yielder's share", $share, 25);
credit_done ();
