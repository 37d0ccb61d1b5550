# -*- perl -*-
# Checks that write denials count, per handle.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-deny-write) begin
(fs-deny-write) a denies: no handle writes, all read
(fs-deny-write) a twice and b once, then a allows: b still denies
(fs-deny-write) closing b lifts its denial: writes work
(fs-deny-write) allowing without denying changes nothing
(fs-deny-write) every page came back
(fs-deny-write) end
EOF
pass;
