# -*- perl -*-
# Checks that a file of 5000 bytes, written in one write,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sm-full) begin
(sm-full) create "data" (5000 bytes)
(sm-full) open "data"
(sm-full) write "data" in one write
(sm-full) close "data"
(sm-full) open "data" to check it
(sm-full) "data" holds the expected 5000 bytes
(sm-full) close "data"
(sm-full) end
sm-full: exit(0)
EOF
pass;
