# -*- perl -*-
# Setting SLP_EN in the older PM1a control register at 0xb004, with a
# byte write to its high half, powers the VM off: exit code 0.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-power-acpi-old) begin
(vdev-power-acpi-old) PM1a control reads 0
(vdev-power-acpi-old) still running after writing bit 5 of the low byte
vdev-power-acpi-old: exit(0)
(vdev-power-acpi-old) end
EOF
pass;
