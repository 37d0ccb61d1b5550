# -*- perl -*-
# Donations through two locks: the holder has the higher; releasing
# a lock withdraws only that lock's donation.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-multiple) begin
(priority-donate-multiple) main holds locks A and B, at priority 31
(priority-donate-multiple) priority 32 waits for lock A; main's priority: 32
(priority-donate-multiple) priority 33 waits for lock B; main's priority: 33
(priority-donate-multiple) priority 33 got lock B
(priority-donate-multiple) priority 33 is done
(priority-donate-multiple) main released lock B; main's priority: 32
(priority-donate-multiple) priority 32 got lock A
(priority-donate-multiple) priority 32 is done
(priority-donate-multiple) main released lock A; main's priority: 31
(priority-donate-multiple) end
EOF
pass;
