# -*- perl -*-
# Makes a system call with the stack pointer at an unmapped address:
# the kernel cannot even read the call number, and must kill the
# process with exit code -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sc-bad-sp) begin
sc-bad-sp: exit(-1)
EOF
pass;
