# -*- perl -*-
# The export table resolves exported functions and data, leaves
# other kernel symbols out, and holds each name once.
use strict;
use warnings;
use tests::tests;

check_expected (ALL_LINES => 1, [<<'EOF']);
(module-exports) begin
(module-exports) 'printf' is exported
(module-exports) 'thread_create' is exported
(module-exports) 'init_ram_pages' is exported
(module-exports) 'thread_print_stats' is not exported
(module-exports) 'export_find' is not exported
(module-exports) no name is exported twice
(module-exports) end
EOF
pass;
