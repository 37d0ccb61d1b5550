# -*- perl -*-
# CR4 bits a 32-bit guest may not set raise #GP; the others take
# effect.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(cr4-write) begin
(cr4-write) CR4 at start: 0
(cr4-write) VMXE (0x2000): #GP, CR4 unchanged
(cr4-write) PCIDE (0x20000): #GP, CR4 unchanged
(cr4-write) OSXSAVE (0x40000): #GP, CR4 unchanged
(cr4-write) SMEP (0x100000): #GP, CR4 unchanged
(cr4-write) bit 31 (0x80000000): #GP, CR4 unchanged
(cr4-write) PSE (0x10): accepted, CR4 now 0x10
(cr4-write) PSE and OSFXSR (0x210): accepted, CR4 now 0x210
(cr4-write) nothing (0): accepted, CR4 now 0
cr4-write: exit(0)
(cr4-write) end
EOF
pass;
