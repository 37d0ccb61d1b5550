# -*- perl -*-
# Checks that a new file of 5000 bytes reads back as zeros and does
# not grow.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sm-create) begin
(sm-create) create "blank" (5000 bytes)
(sm-create) open "blank"
(sm-create) "blank" holds the expected 5000 bytes
(sm-create) a write at the end writes nothing
(sm-create) close "blank"
(sm-create) end
sm-create: exit(0)
EOF
pass;
