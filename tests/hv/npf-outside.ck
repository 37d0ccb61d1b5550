# -*- perl -*-
# An access outside guest memory kills the VM.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(npf-outside) begin
(npf-outside) reading guest-physical 0x20000000
(npf-outside) vm killed: read from guest-physical 0x20000000, outside its memory
(npf-outside) end
EOF
pass;
