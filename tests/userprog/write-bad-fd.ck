# -*- perl -*-
# Writes to descriptors that name no open file: each write must fail
# with -1 (or kill the process).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(write-bad-fd) begin
(write-bad-fd) write(537924148): -1
(write-bad-fd) write(5): -1
(write-bad-fd) write(1234): -1
(write-bad-fd) write(-1): -1
(write-bad-fd) write(-1024): -1
(write-bad-fd) write(-2147483648): -1
(write-bad-fd) write(2147483647): -1
(write-bad-fd) end
write-bad-fd: exit(0)
EOF
(write-bad-fd) begin
write-bad-fd: exit(-1)
EOF
pass;
