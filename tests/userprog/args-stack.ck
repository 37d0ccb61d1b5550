# -*- perl -*-
# The initial user stack is laid out exactly as compiled programs
# expect (see args-stack.c for the layout checked).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(args-stack) begin
(args-stack) return-address slot holds 0
(args-stack) argc and argv sit just above it
(args-stack) argv[] follows at once, word-aligned, ending with a null pointer
(args-stack) 4 strings follow argv[] after 0-3 bytes of padding, end to end up to PHYS_BASE
(args-stack) end
args-stack: exit(0)
EOF
pass;
