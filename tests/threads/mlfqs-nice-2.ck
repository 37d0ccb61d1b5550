# -*- perl -*-
# A thread of nice 0 and one of nice 5 spin for 30 seconds: the nicer
# one gets less of the CPU, as much as the model of
# tests/threads/mlfqs.pm says.  Tolerance per thread: 5% of the
# model's count plus 10 ticks (the kernel comes within a few ticks of
# the model; the slack covers the freedoms the rules leave).
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs;
mlfqs_check_shares ('mlfqs-nice-2', [0, 5], 30);
