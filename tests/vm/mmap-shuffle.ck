# -*- perl -*-
# Swaps through a mapping larger than memory reach the file intact.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-shuffle) begin
(mmap-shuffle) create "shuffled"
(mmap-shuffle) open "shuffled"
(mmap-shuffle) mmap "shuffled"
(mmap-shuffle) made 2000 random swaps through the mapping
(mmap-shuffle) unmapped
(mmap-shuffle) read "shuffled"
(mmap-shuffle) the file holds every number once
(mmap-shuffle) in the order the mapping had
(mmap-shuffle) end
mmap-shuffle: exit(0)
EOF
pass;
