# -*- perl -*-
# Random system calls with hostile arguments (tests/userprog/fuzz.c),
# seed 1: a warm-up round, then six rounds, each run by a runner
# (child-fuzz run) whose children (child-fuzz die) are each killed by
# their last call; no result breaks a promise, and the free-page count
# after the runner is what it was before.
use strict;
use warnings;
use tests::tests;
my $killed = "child-fuzz: exit(-1)\n";
check_expected ([<<EOF]);
(sc-fuzz) begin
(sc-fuzz) seed 1: 6 rounds of 280 calls
${killed}child-fuzz: exit(0)
@{[$killed x 6]}child-fuzz: exit(0)
(sc-fuzz) no kernel failures
(sc-fuzz) free pages: as many as before
(sc-fuzz) end
sc-fuzz: exit(0)
EOF
pass;
