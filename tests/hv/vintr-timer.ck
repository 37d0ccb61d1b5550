# -*- perl -*-
# Virtual timer interrupts reach a guest that never exits by itself.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vintr-timer) begin
(vintr-timer) 10 timer interrupts arrived while the guest spun
vintr-timer: exit(0)
(vintr-timer) end
EOF
pass;
