# -*- perl -*-
# Checks that 20 files of 100 kB fill a 2 MB file system (each takes
# 201 of its 4,089 free sectors) and that a failed create takes nothing.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-full-disk) begin
(fs-full-disk) 20 files of 102400 bytes fit; 69 of 4089 sectors are left
(fs-full-disk) the create that failed took nothing and added no name
(fs-full-disk) a file of 10240 bytes still fits: 48 sectors left
(fs-full-disk) every sector and page came back
(fs-full-disk) end
EOF
pass;
