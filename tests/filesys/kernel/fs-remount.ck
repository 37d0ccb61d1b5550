# -*- perl -*-
# Checks that a file system mounted again holds what was written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-remount) begin
(fs-remount) after filesys_done, the file system refuses work
(fs-remount) mounted again
(fs-remount) first: 5000 bytes, as written
(fs-remount) second: 12345 bytes, as written
(fs-remount) third: 512 bytes, as written
(fs-remount) free sectors and pages are as before
(fs-remount) end
EOF
pass;
