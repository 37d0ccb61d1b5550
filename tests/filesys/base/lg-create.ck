# -*- perl -*-
# Checks that a new file of 70000 bytes reads back as zeros and does
# not grow.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(lg-create) begin
(lg-create) create "blank" (70000 bytes)
(lg-create) open "blank"
(lg-create) "blank" holds the expected 70000 bytes
(lg-create) a write at the end writes nothing
(lg-create) close "blank"
(lg-create) end
lg-create: exit(0)
EOF
pass;
