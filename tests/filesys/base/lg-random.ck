# -*- perl -*-
# Checks that a file of 70000 bytes, written in pieces of 777 bytes, shuffled,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(lg-random) begin
(lg-random) create "data" (70000 bytes)
(lg-random) open "data"
(lg-random) write "data" in pieces of 777 bytes, shuffled
(lg-random) close "data"
(lg-random) open "data" to check it
(lg-random) "data" holds the expected 70000 bytes
(lg-random) close "data"
(lg-random) end
lg-random: exit(0)
EOF
pass;
