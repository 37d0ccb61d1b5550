# -*- perl -*-
# Checks the shared counter and lock_try_acquire's answers.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(lock-basic) begin
(lock-basic) 4 threads x 50 increments, yielding inside the lock: counter 200
(lock-basic) lock_try_acquire: fails while another thread holds it, succeeds once free
(lock-basic) end
EOF
pass;
