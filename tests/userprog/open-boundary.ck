# -*- perl -*-
# Opens a file whose name straddles a page boundary.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(open-boundary) begin
(open-boundary) open sample.txt, its name across a page boundary
(open-boundary) end
open-boundary: exit(0)
EOF
pass;
