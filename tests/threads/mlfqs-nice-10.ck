# -*- perl -*-
# Ten threads of nice 0 to 9 spin for 30 seconds: their shares of the
# CPU fall with their niceness, as the model of tests/threads/mlfqs.pm
# says.  Tolerance per thread: 5% of the model's count plus 10 ticks
# (the kernel comes within a few ticks of the model; the slack covers
# the freedoms the rules leave).
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs;
mlfqs_check_shares ('mlfqs-nice-10', [0 .. 9], 30);
