# -*- perl -*-
# Checks what the test saw of its child threads.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(thread-basic) begin
(thread-basic) created 3 threads with distinct tids
(thread-basic) each ran with its own argument, tid and name, interrupts on
(thread-basic) a long name is cut to "child-2-with-a-"
(thread-basic) thread_foreach saw 3 children blocked
(thread-basic) children ended by returning and by thread_exit; pages freed
(thread-basic) end
EOF
pass;
