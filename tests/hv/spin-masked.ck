# -*- perl -*-
# A guest spinning with interrupts masked is ended by its CPU budget.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(spin-masked) begin
(spin-masked) spinning with interrupts masked
(spin-masked) vm killed: used up its CPU budget of 20 ticks
(spin-masked) NMI exits: the watchdog made the guest exit
guest-hello: exit(0)
(spin-masked) end
EOF
pass;
