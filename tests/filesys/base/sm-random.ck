# -*- perl -*-
# Checks that a file of 5000 bytes, written in pieces of 777 bytes, shuffled,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sm-random) begin
(sm-random) create "data" (5000 bytes)
(sm-random) open "data"
(sm-random) write "data" in pieces of 777 bytes, shuffled
(sm-random) close "data"
(sm-random) open "data" to check it
(sm-random) "data" holds the expected 5000 bytes
(sm-random) close "data"
(sm-random) end
sm-random: exit(0)
EOF
pass;
