# -*- perl -*-
# Closes a descriptor that was never opened: must do nothing (or kill
# the process).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(close-bad-fd) begin
(close-bad-fd) close(0x20101234)
(close-bad-fd) end
close-bad-fd: exit(0)
EOF
(close-bad-fd) begin
(close-bad-fd) close(0x20101234)
close-bad-fd: exit(-1)
EOF
pass;
