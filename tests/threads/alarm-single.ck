# -*- perl -*-
# Five sleepers, once each: every wake-up in its own tick, in tick
# order, and no sleeper charged CPU time while asleep (a busy-waiting
# timer_sleep fails here, naming the sleeper).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(alarm-single) begin
(alarm-single) 5 sleepers, sleeper I waking every 10 * (I + 1) ticks, 1 time(s)
(alarm-single) all wake-ups came in their own tick, in order, none ran asleep
(alarm-single) +10 ticks: sleeper 0 woke (1 of 1)
(alarm-single) +20 ticks: sleeper 1 woke (1 of 1)
(alarm-single) +30 ticks: sleeper 2 woke (1 of 1)
(alarm-single) +40 ticks: sleeper 3 woke (1 of 1)
(alarm-single) +50 ticks: sleeper 4 woke (1 of 1)
(alarm-single) end
EOF
pass;
