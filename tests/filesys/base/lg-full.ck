# -*- perl -*-
# Checks that a file of 70000 bytes, written in one write,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(lg-full) begin
(lg-full) create "data" (70000 bytes)
(lg-full) open "data"
(lg-full) write "data" in one write
(lg-full) close "data"
(lg-full) open "data" to check it
(lg-full) "data" holds the expected 70000 bytes
(lg-full) close "data"
(lg-full) end
lg-full: exit(0)
EOF
pass;
