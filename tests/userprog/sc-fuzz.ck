# -*- perl -*-
# Random system calls with hostile arguments (tests/userprog/fuzz.c),
# seed 1: no result breaks a promise, each of the 6 children is
# killed by its last call, and the free-page count comes back.
use strict;
use warnings;
use tests::tests;
check_expected ([<<EOF]);
(sc-fuzz) begin
(sc-fuzz) seed 1: 6 rounds of 280 calls
@{["child-fuzz: exit(-1)\n" x 6]}(sc-fuzz) children killed by their last call: 6 of 6
(sc-fuzz) free pages: as many as before
(sc-fuzz) end
sc-fuzz: exit(0)
EOF
pass;
