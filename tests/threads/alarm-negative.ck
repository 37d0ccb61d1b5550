# -*- perl -*-
# timer_sleep with negative durations returns at once, 100 times each,
# while another thread sleeps 10 ticks without being disturbed.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(alarm-negative) begin
(alarm-negative) 100 calls of timer_sleep (-1) returned at once
(alarm-negative) 100 calls of timer_sleep (-100) returned at once
(alarm-negative) 100 calls of timer_sleep (-1000000000) returned at once
(alarm-negative) a thread sleeping 10 ticks meanwhile woke on time, without running while asleep
(alarm-negative) end
EOF
pass;
