# -*- perl -*-
# A thread created with a higher priority runs to its end before
# thread_create returns; its yields do not let its creator in.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-preempt) begin
(priority-preempt) main creates a thread of priority 32
(priority-preempt) the new thread, round 1 of 3
(priority-preempt) the new thread, round 2 of 3
(priority-preempt) the new thread, round 3 of 3
(priority-preempt) the new thread is done
(priority-preempt) thread_create returned; the new thread had finished
(priority-preempt) end
EOF
pass;
