# -*- perl -*-
# Checks the hash table's results and that destroying it freed every page.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(hash-unit) begin
(hash-unit) insert 0-9 and 5 again: size 10, 5 -> 105
(hash-unit) replace 5, replace new 42: size 11, 5 -> 500, 42 -> 4200
(hash-unit) delete 3: size 10, 3 -> -1, 4 -> 104
(hash-unit) iterate: 10 elements, keys seen 0x800003f7; apply: key sum 84
(hash-unit) grow by 5000, delete odd keys: size 2510
(hash-unit) clear: destructor ran 2510 times for 2510 elements, size now 0
(hash-unit) destroy: every page freed
(hash-unit) end
EOF
pass;
