# -*- perl -*-
# Mappings that would share a page with another are refused.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-overlap) begin
(mmap-overlap) create "two-pages"
(mmap-overlap) open "two-pages"
(mmap-overlap) mmap "two-pages"
(mmap-overlap) mmap over another mapping's second page is refused
(mmap-overlap) mmap reaching into another mapping is refused
(mmap-overlap) mmap at another mapping's address is refused
(mmap-overlap) the first mapping is intact
(mmap-overlap) end
mmap-overlap: exit(0)
EOF
pass;
