# -*- perl -*-
# An x86-64 object is refused for its machine type.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-wrong-machine) begin
insmod: mod-x86-64.ko: machine 62 is not i386 (3): compiled for another processor?
(module-wrong-machine) insmod mod-x86-64.ko was refused; the kernel runs on
(module-wrong-machine) module 'mod-x86-64' is not loaded
(module-wrong-machine) no page leaked
(module-wrong-machine) end
EOF
pass;
