# -*- perl -*-
# The stack grows to 8 MiB below PHYS_BASE, and a push past that kills
# the process.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-grow-limit) begin
(pt-grow-limit) pushed a word at the deepest stack address allowed
pt-grow-limit: exit(-1)
EOF
pass;
