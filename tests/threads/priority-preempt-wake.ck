# -*- perl -*-
# A thread woken by the timer interrupt preempts a spinning thread of
# lower priority in its wake-up tick, four times, at four phases of
# the spinner's time slice.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-preempt-wake) begin
(priority-preempt-wake) a thread of priority 41 sleeps 4 times while main spins
(priority-preempt-wake) round 1: the high thread ran in its wake-up tick
(priority-preempt-wake) round 2: the high thread ran in its wake-up tick
(priority-preempt-wake) round 3: the high thread ran in its wake-up tick
(priority-preempt-wake) round 4: the high thread ran in its wake-up tick
(priority-preempt-wake) end
EOF
pass;
