# -*- perl -*-
# Each sema_up wakes the waiter of highest priority, which runs at
# once, before sema_up returns.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-sema) begin
(priority-sema) 10 waiters of priorities 32 to 41 wait on the semaphore
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 41 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 40 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 39 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 38 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 37 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 36 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 35 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 34 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 33 woke
(priority-sema) main ups the semaphore
(priority-sema) the waiter of priority 32 woke
(priority-sema) main is done
(priority-sema) end
EOF
pass;
