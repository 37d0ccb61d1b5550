# -*- perl -*-
# Checks that the root directory holds 64 files and refuses a 65th
# cleanly.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-full-dir) begin
(fs-full-dir) the root directory took 64 files
(fs-full-dir) creating one more fails and takes nothing
(fs-full-dir) files still open, and a removed file's entry is reused
(fs-full-dir) every sector and page came back
(fs-full-dir) end
EOF
pass;
