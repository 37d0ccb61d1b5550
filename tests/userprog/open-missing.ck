# -*- perl -*-
# Opens a file that does not exist: must return -1.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(open-missing) begin
(open-missing) open("no-such-file"): -1
(open-missing) end
open-missing: exit(0)
EOF
pass;
