# -*- perl -*-
# Checks that a file of 5000 bytes, written in pieces of random sizes, in order,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sm-seq-random) begin
(sm-seq-random) create "data" (5000 bytes)
(sm-seq-random) open "data"
(sm-seq-random) write "data" in pieces of random sizes, in order
(sm-seq-random) close "data"
(sm-seq-random) open "data" to check it
(sm-seq-random) "data" holds the expected 5000 bytes
(sm-seq-random) close "data"
(sm-seq-random) end
sm-seq-random: exit(0)
EOF
pass;
