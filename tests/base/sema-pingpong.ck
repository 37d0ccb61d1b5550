# -*- perl -*-
# Checks the strict ping-pong alternation and the FIFO wake-up order.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(sema-pingpong) begin
(sema-pingpong) ping 0
(sema-pingpong) pong 0
(sema-pingpong) ping 1
(sema-pingpong) pong 1
(sema-pingpong) ping 2
(sema-pingpong) pong 2
(sema-pingpong) ping 3
(sema-pingpong) pong 3
(sema-pingpong) ping 4
(sema-pingpong) pong 4
(sema-pingpong) sema_try_down: takes exactly the units there are
(sema-pingpong) woken in order 0 1 2 3 4
(sema-pingpong) end
EOF
pass;
