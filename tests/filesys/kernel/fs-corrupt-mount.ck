# -*- perl -*-
# Checks that each kind of damage to the file system's own structures
# makes the mount fail with a message saying what is wrong.
use strict;
use warnings;
use tests::tests;
check_expected (ALL_LINES => 1, [<<'EOF']);
(fs-corrupt-mount) begin
(fs-corrupt-mount) damage: free map's inode has a bad magic number
filesys: inode in sector 0 is corrupt (bad magic number): the file cannot be opened.
filesys: no usable file system on hda2 (format it with -f).
(fs-corrupt-mount) the mount fails: no file opens or is created
(fs-corrupt-mount) damage: free map is 100 bytes, for another partition size
filesys: the free map is 100 bytes, but a partition of 4096 sectors needs 512: this is not a file system for this partition.
filesys: no usable file system on hda2 (format it with -f).
(fs-corrupt-mount) the mount fails: no file opens or is created
(fs-corrupt-mount) damage: free map marks the inode sectors free
filesys: the free map is corrupt: it marks the fixed inode sectors free.
filesys: no usable file system on hda2 (format it with -f).
(fs-corrupt-mount) the mount fails: no file opens or is created
(fs-corrupt-mount) damage: root directory's inode has a bad magic number
filesys: inode in sector 1 is corrupt (bad magic number): the file cannot be opened.
filesys: no usable file system on hda2 (format it with -f).
(fs-corrupt-mount) the mount fails: no file opens or is created
(fs-corrupt-mount) damage: root directory is 33 bytes long
filesys: the file in sector 1 is not a directory: its length is not a whole number of entries.
filesys: no usable file system on hda2 (format it with -f).
(fs-corrupt-mount) the mount fails: no file opens or is created
(fs-corrupt-mount) damage undone, the disk mounts with its file intact
(fs-corrupt-mount) every page came back
(fs-corrupt-mount) end
EOF
pass;
