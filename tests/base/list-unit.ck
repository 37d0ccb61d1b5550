# -*- perl -*-
# Checks the list library's results, case by case.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(list-unit) begin
(list-unit) empty:
(list-unit) push_back 0-4, push_front 5-7: 7 6 5 0 1 2 3 4
(list-unit) after pop_front, pop_back: 6 5 0 1 2 3
(list-unit) insert 10 before 2, 11 at end: 0 1 10 2 3 11
(list-unit) remove 0, 11, 10: 1 2 3
(list-unit) splice 2-4 before 90: source: 0 1 5 6 7
(list-unit) splice 2-4 before 90: destination: 80 2 3 4 90
(list-unit) splice of an empty range: 0 1 5 6 7
(list-unit) reverse 0:
(list-unit) reverse 1: 1
(list-unit) reverse 2: 2 1
(list-unit) reverse 5: 5 4 3 2 1
(list-unit) sort 5 3 9 1 3 7 0: 0 1 3 3 5 7 9
(list-unit) sort empty:
(list-unit) sort 7 0: 0 7
(list-unit) sort 5 3 9: 3 5 9
(list-unit) sort of 200 random keys: ordered and stable
(list-unit) insert_ordered of 200 random keys: ordered and stable
(list-unit) unique of 1 1 2 3 3 3 4 1 1: 1 2 3 4 1
(list-unit) its duplicates: 1 3 3 1
(list-unit) unique without a duplicates list: 1 2 3 4 1
(list-unit) unique of 7 7 7: 7
(list-unit) its duplicates: 7 7
(list-unit) min and max: first of equals, list_end when empty
(list-unit) end
EOF
pass;
