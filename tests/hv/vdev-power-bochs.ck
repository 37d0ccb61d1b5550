# -*- perl -*-
# "Shutdown" written to port 0x8900 powers the VM off (exit code 0);
# a broken string does not.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-power-bochs) begin
(vdev-power-bochs) still running after "Shutdowxdown"
vdev-power-bochs: exit(0)
(vdev-power-bochs) end
EOF
pass;
