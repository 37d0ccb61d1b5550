# -*- perl -*-
# A mapping at a misaligned address is refused.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-misalign) begin
(mmap-misalign) open "sample.txt"
(mmap-misalign) mmap at a misaligned address is refused
(mmap-misalign) end
mmap-misalign: exit(0)
EOF
pass;
