# -*- perl -*-
# Checks that every round of a hundred threads ran and was reclaimed.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(thread-many) begin
(thread-many) round 1: 100 threads ran once each and exited; pages reclaimed
(thread-many) round 2: 100 threads ran once each and exited; pages reclaimed
(thread-many) round 3: 100 threads ran once each and exited; pages reclaimed
(thread-many) end
EOF
pass;
