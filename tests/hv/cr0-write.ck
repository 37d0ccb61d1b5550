# -*- perl -*-
# Illegal CR0 values raise #GP in the guest, legal ones take effect,
# by MOV, CLTS and LMSW; ET and NE stay set.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(cr0-write) begin
(cr0-write) CR0 at start: 0x31
(cr0-write) reserved bits (0x4ad2dc91): #GP, CR0 unchanged
(cr0-write) NW without CD (0x20000031): #GP, CR0 unchanged
(cr0-write) PG without PE (0x80000030): #GP, CR0 unchanged
(cr0-write) CD and NW (0x60000031): accepted, CR0 now 0x60000031
(cr0-write) NE cleared (0x11): accepted, CR0 now 0x31
(cr0-write) MP and TS (0x3b): accepted, CR0 now 0x3b
(cr0-write) after CLTS: 0x33
(cr0-write) after LMSW PE|TS: 0x39
(cr0-write) after LMSW 0 (PE stays): 0x31
cr0-write: exit(0)
(cr0-write) end
EOF
pass;
