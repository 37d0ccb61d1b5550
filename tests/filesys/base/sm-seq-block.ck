# -*- perl -*-
# Checks that a file of 5000 bytes, written in pieces of 777 bytes, in order,
# reads back as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sm-seq-block) begin
(sm-seq-block) create "data" (5000 bytes)
(sm-seq-block) open "data"
(sm-seq-block) write "data" in pieces of 777 bytes, in order
(sm-seq-block) close "data"
(sm-seq-block) open "data" to check it
(sm-seq-block) "data" holds the expected 5000 bytes
(sm-seq-block) close "data"
(sm-seq-block) end
sm-seq-block: exit(0)
EOF
pass;
