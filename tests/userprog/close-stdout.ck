# -*- perl -*-
# Closes standard output: must do nothing (or kill the process); if it
# does nothing, output still works afterwards.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(close-stdout) begin
(close-stdout) close(1)
(close-stdout) end
close-stdout: exit(0)
EOF
(close-stdout) begin
(close-stdout) close(1)
close-stdout: exit(-1)
EOF
pass;
