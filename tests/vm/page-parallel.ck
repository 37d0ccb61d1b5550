# -*- perl -*-
# Four processes that together need more memory than the user pool
# each get their own data back.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(page-parallel) begin
(page-parallel) exec "child-linear 0"
(page-parallel) exec "child-linear 1"
(page-parallel) exec "child-linear 2"
(page-parallel) exec "child-linear 3"
(page-parallel) child 0 exited with status 0
(page-parallel) child 1 exited with status 1
(page-parallel) child 2 exited with status 2
(page-parallel) child 3 exited with status 3
(page-parallel) end
EOF
pass;
