# -*- perl -*-
# Five sleepers, seven times each: as alarm-single, over 35 wake-ups.
# Wake-ups due in the same tick are listed by sleeper number, whatever
# order they ran in.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(alarm-multiple) begin
(alarm-multiple) 5 sleepers, sleeper I waking every 10 * (I + 1) ticks, 7 time(s)
(alarm-multiple) all wake-ups came in their own tick, in order, none ran asleep
(alarm-multiple) +10 ticks: sleeper 0 woke (1 of 7)
(alarm-multiple) +20 ticks: sleeper 0 woke (2 of 7)
(alarm-multiple) +20 ticks: sleeper 1 woke (1 of 7)
(alarm-multiple) +30 ticks: sleeper 0 woke (3 of 7)
(alarm-multiple) +30 ticks: sleeper 2 woke (1 of 7)
(alarm-multiple) +40 ticks: sleeper 0 woke (4 of 7)
(alarm-multiple) +40 ticks: sleeper 1 woke (2 of 7)
(alarm-multiple) +40 ticks: sleeper 3 woke (1 of 7)
(alarm-multiple) +50 ticks: sleeper 0 woke (5 of 7)
(alarm-multiple) +50 ticks: sleeper 4 woke (1 of 7)
(alarm-multiple) +60 ticks: sleeper 0 woke (6 of 7)
(alarm-multiple) +60 ticks: sleeper 1 woke (3 of 7)
(alarm-multiple) +60 ticks: sleeper 2 woke (2 of 7)
(alarm-multiple) +70 ticks: sleeper 0 woke (7 of 7)
(alarm-multiple) +80 ticks: sleeper 1 woke (4 of 7)
(alarm-multiple) +80 ticks: sleeper 3 woke (2 of 7)
(alarm-multiple) +90 ticks: sleeper 2 woke (3 of 7)
(alarm-multiple) +100 ticks: sleeper 1 woke (5 of 7)
(alarm-multiple) +100 ticks: sleeper 4 woke (2 of 7)
(alarm-multiple) +120 ticks: sleeper 1 woke (6 of 7)
(alarm-multiple) +120 ticks: sleeper 2 woke (4 of 7)
(alarm-multiple) +120 ticks: sleeper 3 woke (3 of 7)
(alarm-multiple) +140 ticks: sleeper 1 woke (7 of 7)
(alarm-multiple) +150 ticks: sleeper 2 woke (5 of 7)
(alarm-multiple) +150 ticks: sleeper 4 woke (3 of 7)
(alarm-multiple) +160 ticks: sleeper 3 woke (4 of 7)
(alarm-multiple) +180 ticks: sleeper 2 woke (6 of 7)
(alarm-multiple) +200 ticks: sleeper 3 woke (5 of 7)
(alarm-multiple) +200 ticks: sleeper 4 woke (4 of 7)
(alarm-multiple) +210 ticks: sleeper 2 woke (7 of 7)
(alarm-multiple) +240 ticks: sleeper 3 woke (6 of 7)
(alarm-multiple) +250 ticks: sleeper 4 woke (5 of 7)
(alarm-multiple) +280 ticks: sleeper 3 woke (7 of 7)
(alarm-multiple) +300 ticks: sleeper 4 woke (6 of 7)
(alarm-multiple) +350 ticks: sleeper 4 woke (7 of 7)
(alarm-multiple) end
EOF
pass;
