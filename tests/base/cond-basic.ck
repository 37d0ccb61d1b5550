# -*- perl -*-
# Checks the bounded buffer's deliveries and the wake-ups of
# signal and broadcast.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(cond-basic) begin
(cond-basic) bounded buffer of 4: received 50 and 50 items, each in order
(cond-basic) cond_signal, 1 ticket, 3 waiting: 1 woke, 1 went on, 2 wait again
(cond-basic) cond_broadcast, 1 ticket, 2 waiting: 2 woke, 1 went on, 1 wait again
(cond-basic) cond_broadcast, 1 ticket, 1 waiting: 1 woke, 1 went on, 0 wait again
(cond-basic) end
EOF
pass;
