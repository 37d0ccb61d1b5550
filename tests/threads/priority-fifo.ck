# -*- perl -*-
# Eight workers of equal priority, yielding with interrupts off, take
# turns in strict FIFO rotation, all before the main thread that
# dropped below them continues.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-fifo) begin
(priority-fifo) 8 workers of priority 32 created; entries logged so far: 0
(priority-fifo) main back at priority 31: the workers ran 4 of 4 rounds
(priority-fifo) round 1: 0 1 2 3 4 5 6 7
(priority-fifo) round 2: 0 1 2 3 4 5 6 7
(priority-fifo) round 3: 0 1 2 3 4 5 6 7
(priority-fifo) round 4: 0 1 2 3 4 5 6 7
(priority-fifo) end
EOF
pass;
