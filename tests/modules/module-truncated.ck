# -*- perl -*-
# mod-hello.ko cut off before its section headers is refused.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-truncated) begin
insmod: mod-truncated.ko: section headers lie outside the file (1024 bytes): truncated?
(module-truncated) insmod mod-truncated.ko was refused; the kernel runs on
(module-truncated) module 'mod-hello' is not loaded
(module-truncated) no page leaked
(module-truncated) end
EOF
pass;
