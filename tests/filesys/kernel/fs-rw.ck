# -*- perl -*-
# Checks reading, writing, seeking and naming on one file.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-rw) begin
(fs-rw) writes stop at the end of the file; position follows file_write
(fs-rw) the whole file reads back as written
(fs-rw) two handles keep their own positions; reads stop at the end
(fs-rw) names of 1 to 14 characters without '/' are accepted, once
(fs-rw) every sector and page came back
(fs-rw) end
EOF
pass;
