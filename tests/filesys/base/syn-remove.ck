# -*- perl -*-
# Checks that a file removed while open stays usable through the open
# descriptor while its name is gone.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(syn-remove) begin
(syn-remove) create "deleteme"
(syn-remove) open "deleteme"
(syn-remove) remove "deleteme"
(syn-remove) open "deleteme" again fails
(syn-remove) write through the open descriptor
(syn-remove) read it back through the same descriptor
(syn-remove) close "deleteme"
(syn-remove) end
syn-remove: exit(0)
EOF
pass;
