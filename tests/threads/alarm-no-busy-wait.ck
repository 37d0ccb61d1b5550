# -*- perl -*-
# A sleeping thread stays blocked (never ready to run) for the whole
# sleep, and the thread that spins meanwhile gets all the CPU time.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(alarm-no-busy-wait) begin
(alarm-no-busy-wait) a thread sleeps for 50 ticks while this one spins
(alarm-no-busy-wait) the sleeper stayed blocked, and this thread had the CPU
(alarm-no-busy-wait) the sleeper woke on time
(alarm-no-busy-wait) end
EOF
pass;
