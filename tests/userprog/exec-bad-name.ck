# -*- perl -*-
# Exec of names made of odd bytes returns -1, and the kernel's load
# line shows each name escaped ("\xHH", "\\") and at most 64 bytes
# of it, then "...".
use strict;
use warnings;
use tests::tests;
check_expected (ALL_LINES => 1, [<<'EOF']);
(exec-bad-name) begin
load: \x01\x02\x1b[2J\x7f: open failed
(exec-bad-name) exec of odd name 0: -1
load: caf\xc3\xa9\xff\x80: open failed
(exec-bad-name) exec of odd name 1: -1
load: back\\slash\x09tab\x0aline: open failed
(exec-bad-name) exec of odd name 2: -1
load: nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...: open failed
(exec-bad-name) exec of a 200-byte name: -1
(exec-bad-name) end
exec-bad-name: exit(0)
EOF
pass;
