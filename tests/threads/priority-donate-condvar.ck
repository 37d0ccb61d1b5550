# -*- perl -*-
# A waiter woken from cond_wait, waiting to reacquire the lock,
# donates to the lock's holder, so the holder releases the lock before
# a medium thread runs.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-condvar) begin
(priority-donate-condvar) high waits on the condition
(priority-donate-condvar) main signals the condition, holding the lock
(priority-donate-condvar) main lowers its priority to 20
(priority-donate-condvar) main runs again, at priority 40, and releases the lock
(priority-donate-condvar) high woke and holds the lock again
(priority-donate-condvar) medium runs
(priority-donate-condvar) main runs last, at priority 20
(priority-donate-condvar) end
EOF
pass;
