# -*- perl -*-
# Creates a file with a 511-character name: must fail, cleanly.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(create-long) begin
(create-long) create a file with a 511-character name: 0
(create-long) end
create-long: exit(0)
EOF
pass;
