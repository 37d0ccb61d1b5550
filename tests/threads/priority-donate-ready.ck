# -*- perl -*-
# A donation to a lock holder that is ready (not running, not
# blocked) moves it up the ready queue, ahead of a medium thread.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-ready) begin
(priority-donate-ready) low (30) holds the lock; low, medium (35) and high (40) are ready
(priority-donate-ready) main lowers its priority to 0
(priority-donate-ready) high waits for the lock
(priority-donate-ready) low runs, at priority 40, and releases the lock
(priority-donate-ready) high got the lock
(priority-donate-ready) medium runs
(priority-donate-ready) low is done, at priority 30
(priority-donate-ready) main runs again
(priority-donate-ready) end
EOF
pass;
