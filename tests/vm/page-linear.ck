# -*- perl -*-
# An array larger than the user pool survives two passes of writing
# and reading back through swap.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(page-linear) begin
(page-linear) wrote pattern 1 over 2048 KiB
(page-linear) read pattern 1 back intact
(page-linear) wrote pattern 2 over 2048 KiB
(page-linear) read pattern 2 back intact
(page-linear) end
page-linear: exit(0)
EOF
pass;
