# -*- perl -*-
# The value written to port 0x501 is the VM's exit code.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-power-debugexit) begin
(vdev-power-debugexit) writing 37 to port 0x501
vdev-power-debugexit: exit(37)
(vdev-power-debugexit) end
EOF
pass;
