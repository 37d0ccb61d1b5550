# -*- perl -*-
# A guest halted with interrupts masked is ended, not left asleep.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-hlt-masked) begin
(exit-hlt-masked) halting with interrupts masked
(exit-hlt-masked) vm killed: halted with interrupts masked: nothing can wake it
(exit-hlt-masked) end
EOF
pass;
