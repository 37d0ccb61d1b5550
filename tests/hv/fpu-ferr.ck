# -*- perl -*-
# An unmasked x87 error in a guest is #MF in the guest, not an
# interrupt of the host.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(fpu-ferr) begin
(fpu-ferr) CR0.NE is set
(fpu-ferr) 1/0 with exceptions unmasked: 1 #MF, zero-divide flag set
fpu-ferr: exit(0)
(fpu-ferr) end
EOF
pass;
