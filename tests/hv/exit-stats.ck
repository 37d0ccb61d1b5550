# -*- perl -*-
# The exit counts match the exits the guest made.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-stats) begin
guest-stats: exit(0)
(exit-stats) cpuid exits: 7
(exit-stats) msr exits: 3
(exit-stats) vmmcall exits: 6
(exit-stats) ioio exits: 4
(exit-stats) hlt exits: 0
(exit-stats) shutdown exits: 0
(exit-stats) end
EOF
pass;
