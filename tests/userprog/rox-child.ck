# -*- perl -*-
# An executable can be written while no process runs it, not while one
# does, and again once that process has exited.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(rox-child) begin
(rox-child) open "child-rox"
(rox-child) read "child-rox"
(rox-child) write "child-rox": allowed
(rox-child) exec child-rox
(child-rox) begin 0
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) end 0
child-rox: exit(0)
(rox-child) child-rox exited with 0
(rox-child) open "child-rox"
(rox-child) read "child-rox"
(rox-child) write "child-rox": allowed
(rox-child) end
rox-child: exit(0)
EOF
pass;
