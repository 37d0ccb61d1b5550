# -*- perl -*-
# Ten sleepers of priorities 21 to 30 due in the same tick run in
# order of priority, highest first, right in that tick.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(alarm-priority) begin
(alarm-priority) 10 sleepers of priorities 21 to 30 wake in the same tick
(alarm-priority) woke 1: the sleeper of priority 30
(alarm-priority) woke 2: the sleeper of priority 29
(alarm-priority) woke 3: the sleeper of priority 28
(alarm-priority) woke 4: the sleeper of priority 27
(alarm-priority) woke 5: the sleeper of priority 26
(alarm-priority) woke 6: the sleeper of priority 25
(alarm-priority) woke 7: the sleeper of priority 24
(alarm-priority) woke 8: the sleeper of priority 23
(alarm-priority) woke 9: the sleeper of priority 22
(alarm-priority) woke 10: the sleeper of priority 21
(alarm-priority) end
EOF
pass;
