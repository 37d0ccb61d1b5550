# -*- perl -*-
# PUSHA 32 bytes below the stack pointer, into a new page, grows the
# stack.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(pt-grow-pusha) begin
(pt-grow-pusha) PUSHA below the stack pointer grew the stack
(pt-grow-pusha) end
pt-grow-pusha: exit(0)
EOF
pass;
