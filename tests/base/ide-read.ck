# -*- perl -*-
# Checks that the kernel partition read back through the IDE driver
# matches the kernel image in memory.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(ide-read) begin
(ide-read) kernel partition is large enough for the kernel image
(ide-read) sector 0 matches the first 512 bytes of the image in memory
(ide-read) so does every sector of code and read-only data
(ide-read) the last sector of the partition is readable
(ide-read) end
EOF
pass;
