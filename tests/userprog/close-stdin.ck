# -*- perl -*-
# Closes standard input: must do nothing (or kill the process).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(close-stdin) begin
(close-stdin) close(0)
(close-stdin) end
close-stdin: exit(0)
EOF
(close-stdin) begin
(close-stdin) close(0)
close-stdin: exit(-1)
EOF
pass;
