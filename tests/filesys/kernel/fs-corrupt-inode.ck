# -*- perl -*-
# Checks that each kind of damage to an inode is reported, exactly,
# and refused, and that "ls" shows the damaged file as unreadable.
use strict;
use warnings;
use tests::tests;
check_expected (ALL_LINES => 1, [<<'EOF']);
(fs-corrupt-inode) begin
(fs-corrupt-inode) damage: magic number zeroed
filesys: inode in sector 7 is corrupt (bad magic number): the file cannot be opened.
filesys: inode in sector 7 is corrupt (bad magic number): the file cannot be opened.
(fs-corrupt-inode) open and remove fail
Files in the root directory:
filesys: inode in sector 7 is corrupt (bad magic number): the file cannot be opened.
victim          (unreadable)
1 file, 0 bytes; 4086 sectors free.
(fs-corrupt-inode) damage: length negative
filesys: inode in sector 7 is corrupt (negative length): the file cannot be opened.
filesys: inode in sector 7 is corrupt (negative length): the file cannot be opened.
(fs-corrupt-inode) open and remove fail
(fs-corrupt-inode) damage: length 2 GB
filesys: inode in sector 7 is corrupt (data extent runs past the end of the partition): the file cannot be opened.
filesys: inode in sector 7 is corrupt (data extent runs past the end of the partition): the file cannot be opened.
(fs-corrupt-inode) open and remove fail
(fs-corrupt-inode) damage: data at sector 0
filesys: inode in sector 7 is corrupt (data extent covers the file system's fixed inodes): the file cannot be opened.
filesys: inode in sector 7 is corrupt (data extent covers the file system's fixed inodes): the file cannot be opened.
(fs-corrupt-inode) open and remove fail
(fs-corrupt-inode) damage: data past the end
filesys: inode in sector 7 is corrupt (data extent runs past the end of the partition): the file cannot be opened.
filesys: inode in sector 7 is corrupt (data extent runs past the end of the partition): the file cannot be opened.
(fs-corrupt-inode) open and remove fail
(fs-corrupt-inode) damage: data over the inode
filesys: inode in sector 7 is corrupt (data extent overlaps the inode): the file cannot be opened.
filesys: inode in sector 7 is corrupt (data extent overlaps the inode): the file cannot be opened.
(fs-corrupt-inode) open and remove fail
(fs-corrupt-inode) restored, the file opens and reads as written
(fs-corrupt-inode) every page came back
(fs-corrupt-inode) end
EOF
pass;
