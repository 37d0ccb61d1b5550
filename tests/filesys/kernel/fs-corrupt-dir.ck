# -*- perl -*-
# Checks that each kind of damage to a directory entry is reported,
# exactly, by every operation that reads the entry.
use strict;
use warnings;
use tests::tests;
check_expected (ALL_LINES => 1, [<<'EOF']);
(fs-corrupt-dir) begin
(fs-corrupt-dir) damage: in-use flag 7
filesys: entry 1 of the directory in sector 1 is corrupt (bad in-use flag).
filesys: entry 1 of the directory in sector 1 is corrupt (bad in-use flag).
filesys: entry 1 of the directory in sector 1 is corrupt (bad in-use flag).
(fs-corrupt-dir) a opens; opening c, creating d and removing c fail
Files in the root directory:
a                      10
filesys: entry 1 of the directory in sector 1 is corrupt (bad in-use flag).
1 file, 10 bytes; 4083 sectors free.
(fs-corrupt-dir) damage: name without a null
filesys: entry 1 of the directory in sector 1 is corrupt (name not null-terminated).
filesys: entry 1 of the directory in sector 1 is corrupt (name not null-terminated).
filesys: entry 1 of the directory in sector 1 is corrupt (name not null-terminated).
(fs-corrupt-dir) a opens; opening c, creating d and removing c fail
Files in the root directory:
a                      10
filesys: entry 1 of the directory in sector 1 is corrupt (name not null-terminated).
1 file, 10 bytes; 4083 sectors free.
(fs-corrupt-dir) damage: inode sector 2^30
filesys: entry 1 of the directory in sector 1 is corrupt (inode sector out of range).
filesys: entry 1 of the directory in sector 1 is corrupt (inode sector out of range).
filesys: entry 1 of the directory in sector 1 is corrupt (inode sector out of range).
(fs-corrupt-dir) a opens; opening c, creating d and removing c fail
Files in the root directory:
a                      10
filesys: entry 1 of the directory in sector 1 is corrupt (inode sector out of range).
1 file, 10 bytes; 4083 sectors free.
(fs-corrupt-dir) restored, every file can be removed
(fs-corrupt-dir) every sector and page came back
(fs-corrupt-dir) end
EOF
pass;
