# -*- perl -*-
# Donations through two locks and a lock-free thread in between:
# releasing the lower donor's lock leaves the higher donation in place;
# the lock-free thread runs after both donors, before the holder.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-multiple2) begin
(priority-donate-multiple2) main holds locks A and B, at priority 31
(priority-donate-multiple2) priority 34 waits for lock A; main's priority: 34
(priority-donate-multiple2) a lock-free thread of priority 32 is ready
(priority-donate-multiple2) priority 36 waits for lock B; main's priority: 36
(priority-donate-multiple2) main released lock A; main's priority: 36
(priority-donate-multiple2) priority 36 got lock B
(priority-donate-multiple2) priority 36 is done
(priority-donate-multiple2) priority 34 got lock A
(priority-donate-multiple2) priority 34 is done
(priority-donate-multiple2) the lock-free thread of priority 32 runs
(priority-donate-multiple2) main released lock B; main's priority: 31
(priority-donate-multiple2) end
EOF
pass;
