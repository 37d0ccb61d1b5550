# -*- perl -*-
# Checks that a blank file-system partition is reported at boot, with
# how to format it, and that file-system calls then fail.
use strict;
use warnings;
use tests::tests;
use tests::filesys::kernel::fstest;
check_expected ([<<'EOF']);
(fs-unformatted) begin
(fs-unformatted) create and open fail
(fs-unformatted) end
EOF
fs_check_boot_says ('filesys: inode in sector 0 is corrupt (bad magic number): the file cannot be opened.',
                    'filesys: no usable file system on hda2 (format it with -f).');
pass;
