# -*- perl -*-
# Opens the empty string: must return -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(open-empty) begin
(open-empty) open(""): -1
(open-empty) end
open-empty: exit(0)
EOF
pass;
