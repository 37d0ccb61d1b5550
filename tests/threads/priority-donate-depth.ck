# -*- perl -*-
# Donation through eight nested locks: every thread of the chain runs
# at the newest thread's priority until the chain unwinds.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-depth) begin
(priority-donate-depth) 1 thread(s) deep; main's priority: 32
(priority-donate-depth) 2 thread(s) deep; main's priority: 33
(priority-donate-depth) 3 thread(s) deep; main's priority: 34
(priority-donate-depth) 4 thread(s) deep; main's priority: 35
(priority-donate-depth) 5 thread(s) deep; main's priority: 36
(priority-donate-depth) 6 thread(s) deep; main's priority: 37
(priority-donate-depth) 7 thread(s) deep; main's priority: 38
(priority-donate-depth) 8 thread(s) deep; main's priority: 39
(priority-donate-depth) thread 8 had priority 39 with lock 7; now 39
(priority-donate-depth) thread 7 had priority 39 with lock 6; now 38
(priority-donate-depth) thread 6 had priority 39 with lock 5; now 37
(priority-donate-depth) thread 5 had priority 39 with lock 4; now 36
(priority-donate-depth) thread 4 had priority 39 with lock 3; now 35
(priority-donate-depth) thread 3 had priority 39 with lock 2; now 34
(priority-donate-depth) thread 2 had priority 39 with lock 1; now 33
(priority-donate-depth) thread 1 had priority 39 with lock 0; now 32
(priority-donate-depth) main released lock 0; main's priority: 31
(priority-donate-depth) end
EOF
pass;
