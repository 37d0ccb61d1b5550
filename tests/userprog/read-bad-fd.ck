# -*- perl -*-
# Reads from descriptors that name no open file: each read must fail
# with -1 (or kill the process).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(read-bad-fd) begin
(read-bad-fd) read(537924148): -1
(read-bad-fd) read(5): -1
(read-bad-fd) read(1234): -1
(read-bad-fd) read(-1): -1
(read-bad-fd) read(-1024): -1
(read-bad-fd) read(-2147483648): -1
(read-bad-fd) read(2147483647): -1
(read-bad-fd) end
read-bad-fd: exit(0)
EOF
(read-bad-fd) begin
read-bad-fd: exit(-1)
EOF
pass;
