# -*- perl -*-
# Setting SLP_EN in the PIIX4's PM1a control register powers the VM
# off: exit code 0, nothing printed after the write.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-power-acpi) begin
(vdev-power-acpi) PM1a control reads 0
(vdev-power-acpi) still running after a write without SLP_EN
vdev-power-acpi: exit(0)
(vdev-power-acpi) end
EOF
pass;
