# -*- perl -*-
# Each HLT blocks the VCPU until the virtual timer's next interrupt.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-hlt) begin
(exit-hlt) 5 halts, each ended by a timer interrupt
exit-hlt: exit(0)
(exit-hlt) end
EOF
pass;
