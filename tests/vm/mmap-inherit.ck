# -*- perl -*-
# A child does not inherit its parent's mappings.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-inherit) begin
(mmap-inherit) open "sample.txt"
(mmap-inherit) mmap "sample.txt"
(mmap-inherit) exec "child-inherit"
child-inherit: exit(-1)
(mmap-inherit) child-inherit exited with status -1
(mmap-inherit) the mapping is intact
(mmap-inherit) open "sample.txt" to check it
(mmap-inherit) "sample.txt" holds the expected 334 bytes
(mmap-inherit) close "sample.txt"
(mmap-inherit) end
mmap-inherit: exit(0)
EOF
pass;
