# -*- perl -*-
# Each virtual timer expiry is delivered exactly once.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vintr-once) begin
(vintr-once) as many interrupts as timer expiries: each delivered once
vintr-once: exit(0)
(vintr-once) end
EOF
pass;
