# -*- perl -*-
# A mapping at address 0 is refused.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-null) begin
(mmap-null) open "sample.txt"
(mmap-null) mmap at address 0 is refused
(mmap-null) end
mmap-null: exit(0)
EOF
pass;
