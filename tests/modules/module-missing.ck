# -*- perl -*-
# A module file that is not on the scratch disk is refused.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-missing) begin
insmod: mod-missing.ko: no such file in the scratch archive
(module-missing) insmod mod-missing.ko was refused; the kernel runs on
(module-missing) module 'mod-missing' is not loaded
(module-missing) no page leaked
(module-missing) end
EOF
pass;
