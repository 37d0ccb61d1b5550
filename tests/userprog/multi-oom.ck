# -*- perl -*-
# Running out of memory over and over leaks nothing: every round
# reaches the same depth and every page comes back (see multi-oom.c).
# The number of exit lines depends on the depth, so they are ignored.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(multi-oom) begin
(multi-oom) 3 rounds each reached the same depth, at least 10
(multi-oom) free pages after the rounds: as many as before
(multi-oom) end
EOF
pass;
