# -*- perl -*-
# A module calling a function defined nowhere is refused, naming it.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-undefined) begin
insmod: mod-undefined.ko: undefined symbol 'mod_nowhere' (not exported by the kernel)
(module-undefined) insmod mod-undefined.ko was refused; the kernel runs on
(module-undefined) module 'mod-undefined' is not loaded
(module-undefined) no page leaked
(module-undefined) end
EOF
pass;
