# -*- perl -*-
# A process that outgrows memory and swap together is killed, leaving
# nothing behind, and the next one runs.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(page-exhaust) begin
child-linear: exit(-1)
(page-exhaust) child-linear using 4 MiB exited with status -1
(page-exhaust) free pages: as many after as before
(page-exhaust) free swap slots: as many after as before
child-linear: exit(1)
(page-exhaust) child-linear using 512 KiB exited with status 1
(page-exhaust) end
page-exhaust: exit(0)
EOF
pass;
