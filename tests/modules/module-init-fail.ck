# -*- perl -*-
# A module whose init fails is refused after its init ran once; its
# exit is never called and every page it took comes back.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-init-fail) begin
(module-init-fail) mod-fail: init fails on purpose
insmod: mod-fail.ko: init of module 'mod-fail' failed (error -5)
(module-init-fail) insmod mod-fail.ko was refused; the kernel runs on
(module-init-fail) module 'mod-fail' is not loaded
(module-init-fail) no page leaked
(module-init-fail) end
EOF
pass;
