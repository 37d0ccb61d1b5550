# -*- perl -*-
# Host timer interrupts exit the guest and reach the host.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-intr) begin
(exit-intr) host thread slept 10 ticks while the guest spun
(exit-intr) vm killed: stopped at the host's request
(exit-intr) at least one exit per host timer tick
(exit-intr) end
EOF
pass;
