# -*- perl -*-
# Waits for a pid that is no child: wait returns -1 (or the process is
# killed).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(wait-bad-pid) begin
(wait-bad-pid) wait(0x0c020301): -1
(wait-bad-pid) end
wait-bad-pid: exit(0)
EOF
(wait-bad-pid) begin
wait-bad-pid: exit(-1)
EOF
pass;
