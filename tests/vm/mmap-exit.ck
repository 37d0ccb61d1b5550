# -*- perl -*-
# A mapping left at exit is written back to its file.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-exit) begin
(mmap-exit) exec "child-mm-wrt"
child-mm-wrt: exit(0)
(mmap-exit) child-mm-wrt exited with status 0
(mmap-exit) open "exited"
(mmap-exit) read "exited"
(mmap-exit) it holds what the child wrote
(mmap-exit) end
mmap-exit: exit(0)
EOF
pass;
