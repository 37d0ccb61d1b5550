# -*- perl -*-
# Nested donation: high waits for medium's lock, medium for main's;
# high's priority reaches main, and each donation ends with its lock.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-nest) begin
(priority-donate-nest) main holds lock A, at priority 31
(priority-donate-nest) medium (32) holds lock B and waits for A; main's priority: 32
(priority-donate-nest) high (33) waits for lock B; main's priority: 33
(priority-donate-nest) medium got lock A, at priority 33
(priority-donate-nest) medium released lock A, at priority 33
(priority-donate-nest) high got lock B, at priority 33
(priority-donate-nest) high is done
(priority-donate-nest) medium released lock B, at priority 32
(priority-donate-nest) main released lock A; main's priority: 31
(priority-donate-nest) end
EOF
pass;
