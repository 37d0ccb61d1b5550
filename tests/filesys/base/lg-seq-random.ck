# -*- perl -*-
# Checks that a file of 70000 bytes, written in pieces of random sizes, in order,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(lg-seq-random) begin
(lg-seq-random) create "data" (70000 bytes)
(lg-seq-random) open "data"
(lg-seq-random) write "data" in pieces of random sizes, in order
(lg-seq-random) close "data"
(lg-seq-random) open "data" to check it
(lg-seq-random) "data" holds the expected 70000 bytes
(lg-seq-random) close "data"
(lg-seq-random) end
lg-seq-random: exit(0)
EOF
pass;
