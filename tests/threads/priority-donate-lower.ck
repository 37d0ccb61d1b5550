# -*- perl -*-
# Lowering one's own priority while holding a donation: the donation
# stays in force until the lock is released.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-lower) begin
(priority-donate-lower) a thread of priority 41 waits for main's lock; main's priority: 41
(priority-donate-lower) main lowers its own priority to 21
(priority-donate-lower) main's priority: 41
(priority-donate-lower) the donor got the lock, at priority 41
(priority-donate-lower) main released the lock; main's priority: 21
(priority-donate-lower) end
EOF
pass;
