# -*- perl -*-
# A running program's executable can be read but not written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(rox-simple) begin
(rox-simple) open "rox-simple"
(rox-simple) read "rox-simple"
(rox-simple) write "rox-simple": refused
(rox-simple) end
rox-simple: exit(0)
EOF
pass;
