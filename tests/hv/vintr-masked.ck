# -*- perl -*-
# Interrupts held while masked are all delivered on unmasking.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vintr-masked) begin
(vintr-masked) at least 3 expiries with interrupts masked: none delivered
(vintr-masked) after STI: one interrupt per expiry, none lost
vintr-masked: exit(0)
(vintr-masked) end
EOF
pass;
