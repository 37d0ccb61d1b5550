# -*- perl -*-
# Two donors to one lock: the holder runs at the higher donation; on
# release the donors get the lock by priority and the holder falls
# back to its own priority.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-one) begin
(priority-donate-one) main holds the lock, at priority 31
(priority-donate-one) a thread of priority 32 waits for the lock; main's priority: 32
(priority-donate-one) a thread of priority 33 waits for the lock; main's priority: 33
(priority-donate-one) main releases the lock
(priority-donate-one) priority 33 got the lock
(priority-donate-one) priority 33 is done
(priority-donate-one) priority 32 got the lock
(priority-donate-one) priority 32 is done
(priority-donate-one) main's priority after the release: 31
(priority-donate-one) end
EOF
pass;
