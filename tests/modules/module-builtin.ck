# -*- perl -*-
# mod-builtin, linked into the kernel, starts on "insmod mod-builtin.ko"
# without reading a file, refuses a second start, stops; the same
# source built as a file is refused because its name is built in.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-builtin) begin
(module-builtin) mod-builtin: init, linked into the kernel
insmod: mod-builtin: module 'mod-builtin' loaded
(module-builtin) module 'mod-builtin' is loaded
insmod: mod-builtin: module 'mod-builtin' is already loaded
(module-builtin) insmod mod-builtin was refused; the kernel runs on
(module-builtin) no page leaked
(module-builtin) mod-builtin: exit
rmmod: mod-builtin: module unloaded
(module-builtin) module 'mod-builtin' is not loaded
insmod: mod-builtin.ko: module 'mod-builtin' is built into the kernel
(module-builtin) the file mod-builtin.ko was refused
(module-builtin) no page leaked
(module-builtin) end
EOF
pass;
