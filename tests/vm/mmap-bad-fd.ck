# -*- perl -*-
# Descriptors that name no file cannot be mapped.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(mmap-bad-fd) begin
(mmap-bad-fd) mmap of descriptor 0x5678 is refused
(mmap-bad-fd) mmap of descriptor -1 is refused
(mmap-bad-fd) mmap of descriptor 2, not open is refused
(mmap-bad-fd) mmap of the console's input is refused
(mmap-bad-fd) mmap of the console's output is refused
(mmap-bad-fd) end
mmap-bad-fd: exit(0)
EOF
pass;
