# -*- perl -*-
# Writes to standard input: must fail with -1 (or kill the process).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(write-stdin) begin
(write-stdin) write(0): -1
(write-stdin) end
write-stdin: exit(0)
EOF
(write-stdin) begin
write-stdin: exit(-1)
EOF
pass;
