# -*- perl -*-
# Reads from standard output: must fail with -1 (or kill the process).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(read-stdout) begin
(read-stdout) read(1): -1
(read-stdout) end
read-stdout: exit(0)
EOF
(read-stdout) begin
read-stdout: exit(-1)
EOF
pass;
