# -*- perl -*-
# The VM ends with the value written to the debug-exit port.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-debug-port) begin
(exit-debug-port) writing 42 to the debug-exit port
exit-debug-port: exit(42)
(exit-debug-port) end
EOF
pass;
