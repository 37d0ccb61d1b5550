# -*- perl -*-
# Ringlet inside Ringlet: the threads lab's kernel boots as a guest of
# the hv and runs mlfqs-load-1, which its own checker judges.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;
check_nested ('ringlet-threads', 'ringlet-threads.bin', 'tests/threads/mlfqs-load-1.ck');
