# -*- perl -*-
# Checks the empty file system a format leaves (4,089 of 4,096 sectors
# free: two inodes, one sector of free map, four of root directory)
# and the listing of three new files, by dir_readdir and by "ls".
use strict;
use warnings;
use tests::tests;
check_expected (ALL_LINES => 1, [<<'EOF']);
(fs-format) begin
(fs-format) free sectors after formatting: 4089
(fs-format) readdir found 0 files
Files in the root directory:
0 files, 0 bytes; 4089 sectors free.
(fs-format) created alpha (100 bytes), empty (0), a-longer-name (1500)
(fs-format) free sectors now: 4082
(fs-format) readdir 0: alpha
(fs-format) readdir 1: empty
(fs-format) readdir 2: a-longer-name
(fs-format) readdir found 3 files
Files in the root directory:
alpha                 100
empty                   0
a-longer-name        1500
3 files, 1600 bytes; 4082 sectors free.
(fs-format) end
EOF
pass;
