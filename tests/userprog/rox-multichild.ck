# -*- perl -*-
# Writes to child-rox stay refused while any of six nested
# processes runs it, and are allowed once all have exited.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(rox-multichild) begin
(rox-multichild) exec "child-rox 5"
(child-rox) begin 5
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) begin 4
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) begin 3
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) begin 2
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) begin 1
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) begin 0
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) end 0
child-rox: exit(0)
(child-rox) child-rox 0 exited with 0
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) end 1
child-rox: exit(1)
(child-rox) child-rox 1 exited with 1
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) end 2
child-rox: exit(2)
(child-rox) child-rox 2 exited with 2
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) end 3
child-rox: exit(3)
(child-rox) child-rox 3 exited with 3
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) end 4
child-rox: exit(4)
(child-rox) child-rox 4 exited with 4
(child-rox) open "child-rox"
(child-rox) read "child-rox"
(child-rox) write "child-rox": refused
(child-rox) end 5
child-rox: exit(5)
(rox-multichild) child-rox 5 exited with 5
(rox-multichild) open "child-rox"
(rox-multichild) read "child-rox"
(rox-multichild) write "child-rox": allowed
(rox-multichild) end
rox-multichild: exit(0)
EOF
pass;
