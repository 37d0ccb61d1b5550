# -*- perl -*-
# timer_sleep (0) returns at once, 100 times, while another thread
# sleeps 10 ticks without being disturbed.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(alarm-zero) begin
(alarm-zero) 100 calls of timer_sleep (0) returned at once
(alarm-zero) a thread sleeping 10 ticks meanwhile woke on time, without running while asleep
(alarm-zero) end
EOF
pass;
