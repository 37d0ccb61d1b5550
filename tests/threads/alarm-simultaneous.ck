# -*- perl -*-
# Three sleepers due in the same ticks, five times: all three wake in
# each due tick, none charged CPU time while asleep.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(alarm-simultaneous) begin
(alarm-simultaneous) 3 sleepers wake together every 10 ticks, 5 times
(alarm-simultaneous) round 1: all 3 sleepers woke in tick +10
(alarm-simultaneous) round 2: all 3 sleepers woke in tick +20
(alarm-simultaneous) round 3: all 3 sleepers woke in tick +30
(alarm-simultaneous) round 4: all 3 sleepers woke in tick +40
(alarm-simultaneous) round 5: all 3 sleepers woke in tick +50
(alarm-simultaneous) end
EOF
pass;
