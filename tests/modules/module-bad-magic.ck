# -*- perl -*-
# A copy of mod-hello.ko with a broken magic number is refused.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-bad-magic) begin
insmod: mod-badmagic.ko: not an ELF file (bad magic number)
(module-bad-magic) insmod mod-badmagic.ko was refused; the kernel runs on
(module-bad-magic) module 'mod-hello' is not loaded
(module-bad-magic) no page leaked
(module-bad-magic) end
EOF
pass;
