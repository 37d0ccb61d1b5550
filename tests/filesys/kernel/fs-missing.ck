# -*- perl -*-
# Checks that a kernel without file-system and scratch partitions says
# so at boot and fails every file-system call and action cleanly.
use strict;
use warnings;
use tests::tests;
use tests::filesys::kernel::fstest;
check_expected (ALL_LINES => 1, [<<'EOF']);
(fs-missing) begin
(fs-missing) create, open and remove fail
ls: there is no file system to list.
extract: there is no scratch partition (the launcher adds one with -p or -g).
append: there is no scratch partition (the launcher adds one with -p or -g).
(fs-missing) ls, extract and append fail
(fs-missing) end
EOF
fs_check_boot_says ('filesys: no file-system partition (the launcher adds one with --filesys-size or --disk): no file system.');
pass;
