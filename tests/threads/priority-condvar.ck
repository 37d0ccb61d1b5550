# -*- perl -*-
# Each cond_signal wakes the waiter of highest priority, which runs as
# soon as the signaller releases the lock.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-condvar) begin
(priority-condvar) 10 waiters of priorities 32 to 41 wait on the condition
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 41 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 40 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 39 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 38 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 37 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 36 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 35 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 34 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 33 woke
(priority-condvar) main signals the condition
(priority-condvar) the waiter of priority 32 woke
(priority-condvar) main is done
(priority-condvar) end
EOF
pass;
