# -*- perl -*-
# Starts a child from a command line that runs off the end of the
# mapped memory, with no null terminator before the unmapped page: the
# process must be killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exec-bound-3) begin
(exec-bound-3) exec a command line that runs into an unmapped page
exec-bound-3: exit(-1)
EOF
pass;
