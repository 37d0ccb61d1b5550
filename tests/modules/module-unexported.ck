# -*- perl -*-
# A module calling thread_print_stats, a kernel function left out of
# the export table, is refused, naming it.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-unexported) begin
insmod: mod-unexported.ko: undefined symbol 'thread_print_stats' (not exported by the kernel)
(module-unexported) insmod mod-unexported.ko was refused; the kernel runs on
(module-unexported) module 'mod-unexported' is not loaded
(module-unexported) no page leaked
(module-unexported) end
EOF
pass;
