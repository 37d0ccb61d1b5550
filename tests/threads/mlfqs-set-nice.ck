# -*- perl -*-
# A new thread inherits niceness and recent_cpu (so does not preempt
# its creator), thread_set_priority is ignored, and thread_set_nice
# recomputes the priority at once, yielding to the now higher thread.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mlfqs-set-nice) begin
(mlfqs-set-nice) main sets its nice to 5, creates a thread of priority 0, then sets its nice to 20
(mlfqs-set-nice) the new thread runs, with nice 5
(mlfqs-set-nice) thread_set_priority (63) left its priority alone
(mlfqs-set-nice) main runs again, with nice 20
(mlfqs-set-nice) the new thread had not run before main lowered its priority
(mlfqs-set-nice) end
EOF
pass;
