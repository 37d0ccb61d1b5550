# -*- perl -*-
# Unloading a module that was never loaded is refused with one line,
# and the kernel carries on.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-rmmod-unknown) begin
rmmod: mod-nobody: no module of that name is loaded
(module-rmmod-unknown) rmmod mod-nobody was refused; the kernel runs on
(module-rmmod-unknown) end
EOF
pass;
