# -*- perl -*-
# Mappings that would reach kernel space are refused.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-kernel) begin
(mmap-kernel) create "two-pages"
(mmap-kernel) open "two-pages"
(mmap-kernel) mmap at PHYS_BASE is refused
(mmap-kernel) mmap across PHYS_BASE is refused
(mmap-kernel) mmap at the top of the address space is refused
(mmap-kernel) end
mmap-kernel: exit(0)
EOF
pass;
