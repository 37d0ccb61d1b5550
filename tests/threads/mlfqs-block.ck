# -*- perl -*-
# A thread blocked for 20 seconds has its recent_cpu decayed and its
# priority recomputed meanwhile, so it outranks the spinning lock holder
# the moment the lock is released, and runs first.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mlfqs-block) begin
(mlfqs-block) main holds a lock; a thread of nice 10 spins 20 seconds, then waits for it
(mlfqs-block) main spins 20 seconds, then releases the lock
(mlfqs-block) the waiter got the lock
(mlfqs-block) main released the lock
(mlfqs-block) end
EOF
pass;
