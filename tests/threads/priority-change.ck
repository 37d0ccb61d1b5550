# -*- perl -*-
# A new thread of higher priority runs at once; lowering a priority
# below another ready thread's yields to it at once.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-change) begin
(priority-change) main creates a thread of priority 32
(priority-change) the new thread runs first, at priority 32
(priority-change) the new thread lowers its priority to 30
(priority-change) main runs again, at priority 31
(priority-change) main lowers its priority to 29
(priority-change) the new thread runs again, at priority 30
(priority-change) main runs last, at priority 29
(priority-change) end
EOF
pass;
