# -*- perl -*-
# Makes an exit system call with the call number in the topmost word
# of the user stack, so that its argument would lie at PHYS_BASE, in
# kernel space: the process must be killed with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sc-bad-arg) begin
sc-bad-arg: exit(-1)
EOF
pass;
