# -*- perl -*-
# A module with an R_386_GOTPC relocation (type 10) is refused.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-bad-reloc) begin
insmod: mod-badreloc.ko: relocation type 10 not supported
(module-bad-reloc) insmod mod-badreloc.ko was refused; the kernel runs on
(module-bad-reloc) module 'mod-badreloc' is not loaded
(module-bad-reloc) no page leaked
(module-bad-reloc) end
EOF
pass;
