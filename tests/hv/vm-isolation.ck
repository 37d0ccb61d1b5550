# -*- perl -*-
# Two VMs running at once each keep their own memory.  Each VM prints
# its line before it exits, but the two VMs' lines may interleave.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF', <<'EOF']);
(vm-isolation) begin
(vm-isolation) page at 0x200000 untouched by the other VM
(vm-isolation) page at 0x200000 untouched by the other VM
guest-marker: exit(0)
guest-marker: exit(0)
(vm-isolation) both VMs kept their own memory
(vm-isolation) end
EOF
(vm-isolation) begin
(vm-isolation) page at 0x200000 untouched by the other VM
guest-marker: exit(0)
(vm-isolation) page at 0x200000 untouched by the other VM
guest-marker: exit(0)
(vm-isolation) both VMs kept their own memory
(vm-isolation) end
EOF
pass;
