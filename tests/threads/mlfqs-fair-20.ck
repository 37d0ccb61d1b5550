# -*- perl -*-
# Twenty threads of nice 0 spin for 30 seconds: each gets a twentieth
# of the CPU, give or take the turns of the rotation, as the model of
# tests/threads/mlfqs.pm says.  Tolerance per thread: 5% of the
# model's count plus 10 ticks (the kernel comes within a few ticks of
# the model; the slack covers the freedoms the rules leave).
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs;
mlfqs_check_shares ('mlfqs-fair-20', [(0) x 20], 30);
