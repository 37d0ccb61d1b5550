# -*- perl -*-
# Checks that threads using the file system at once do not disturb
# each other.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-concurrent) begin
(fs-concurrent) 4 threads each created, wrote, checked and removed 6 files
(fs-concurrent) the shared file holds every thread's stripe
(fs-concurrent) every sector and page came back
(fs-concurrent) end
EOF
pass;
