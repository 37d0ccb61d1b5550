# -*- perl -*-
# A donated priority decides which semaphore waiter sema_up wakes.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-sema) begin
(priority-donate-sema) low (32) and medium (34) wait on the semaphore, high (36) for low's lock
(priority-donate-sema) main ups the semaphore
(priority-donate-sema) low woke, at priority 36
(priority-donate-sema) high got the lock, at priority 36
(priority-donate-sema) low released the lock, at priority 32
(priority-donate-sema) main ups the semaphore again
(priority-donate-sema) medium woke, at priority 34
(priority-donate-sema) main is done
(priority-donate-sema) end
EOF
pass;
