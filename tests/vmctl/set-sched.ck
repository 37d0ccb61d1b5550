# -*- perl -*-
# Weight and cap, set and shown.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(set-sched) begin
(set-sched) set weight -1 cap -1: OK; listed with weight 300, cap 40
(set-sched) set weight 1000 cap -1: OK; listed with weight 1000, cap 40
(set-sched) set weight -1 cap 75: OK; listed with weight 1000, cap 75
(set-sched) set weight 5 cap 0: OK; listed with weight 5, cap 0
(set-sched) set weight 0 cap -1: EINVAL; listed with weight 5, cap 0
(set-sched) set weight 65536 cap -1: EINVAL; listed with weight 5, cap 0
(set-sched) set weight -1 cap 101: EINVAL; listed with weight 5, cap 0
(set-sched) set weight -2 cap -1: EINVAL; listed with weight 5, cap 0
(set-sched) set of VM 99: ENOVM
(set-sched) end
set-sched: exit(0)
EOF
pass;
