# -*- perl -*-
# Checks that a 400,000-byte file reads back exactly as written.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fs-large) begin
(fs-large) wrote 400000 bytes in pieces of 1237
(fs-large) read them back in pieces of 4099
(fs-large) 200 reads at random offsets match
(fs-large) reopened, it reads back whole, sector by sector
(fs-large) every sector and page came back
(fs-large) end
EOF
pass;
