# -*- perl -*-
# Checks that a file of 70000 bytes, written in pieces of 777 bytes, in order,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(lg-seq-block) begin
(lg-seq-block) create "data" (70000 bytes)
(lg-seq-block) open "data"
(lg-seq-block) write "data" in pieces of 777 bytes, in order
(lg-seq-block) close "data"
(lg-seq-block) open "data" to check it
(lg-seq-block) "data" holds the expected 70000 bytes
(lg-seq-block) close "data"
(lg-seq-block) end
lg-seq-block: exit(0)
EOF
pass;
