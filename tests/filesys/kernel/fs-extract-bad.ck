# -*- perl -*-
# Checks that extract refuses each bad archive with a message saying
# what is wrong, and extracts what comes before the damage.
use strict;
use warnings;
use tests::tests;
check_expected (ALL_LINES => 1, [<<'EOF']);
(fs-extract-bad) begin
(fs-extract-bad) archive: a header with a bad checksum
extract: bad archive header in sector 0 of hda3 (bad header checksum).
(fs-extract-bad) extract fails and changes nothing
(fs-extract-bad) archive: a member longer than the scratch disk
extract: bad archive header in sector 0 of hda3 (its data runs past the end of the partition).
(fs-extract-bad) extract fails and changes nothing
(fs-extract-bad) archive: a file bigger than the file system
Putting 'huge' into the file system...
extract: cannot create 'huge' (3145728 bytes): the name is not valid (at most 14 characters, no '/') or the file system is full.
(fs-extract-bad) extract fails and changes nothing
(fs-extract-bad) archive: a name longer than 14 characters
Putting 'a-much-too-long-name' into the file system...
extract: cannot create 'a-much-too-long-name' (5 bytes): the name is not valid (at most 14 characters, no '/') or the file system is full.
(fs-extract-bad) extract fails and changes nothing
(fs-extract-bad) archive: a directory, a file, then garbage
Skipping directory 'subdir': the file system has no subdirectories.
Putting 'first' into the file system...
extract: bad archive header in sector 4 of hda3 (not a ustar header).
(fs-extract-bad) the file before the garbage is there; the archive is kept
(fs-extract-bad) archive: a directory and a file
Skipping directory 'subdir': the file system has no subdirectories.
Putting 'first' into the file system...
(fs-extract-bad) the file was replaced by the archive's
(fs-extract-bad) end
EOF
pass;
