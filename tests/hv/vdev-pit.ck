# -*- perl -*-
# The 8254 PIT and port 0x61: IRQ 0 at the programmed rate in modes 2
# and 3, once in mode 0; counter latch and read-back (status bytes,
# counts held until read); channel 2's gate and OUT2 as kernels
# calibrate; the refresh bit; BCD counts, past 0 as well; counts of
# one byte (access modes 1 and 2).
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-pit) begin
(vdev-pit) mode 2, count 11932: about 50 interrupts in 50 ticks
(vdev-pit) mode 3, count 23863: about 25 interrupts in 50 ticks
(vdev-pit) mode 0, count 11932 (10 ms): 1 interrupt(s) in 5 ticks; status 0x30 before, 0xb0 after
(vdev-pit) second latch below the first: yes
(vdev-pit) latched count kept for 10 ms until read: yes
(vdev-pit) second latch before the read ignored: yes
(vdev-pit) channel 2 stopped at 0x1234: reads 0x34 0x12; latched 0x34 0x12
(vdev-pit) mode 3, count 1001: 20 latched counts even, at most 1000: yes
(vdev-pit) channel 2, mode 0: status 0x70 before the count, 0x30 after
(vdev-pit) status and count latched together: 0x30, then 0x1234
(vdev-pit) channel 1, mode 2: status 0xb4
(vdev-pit) channel 2, mode 3, low byte, BCD, no count yet: status 0xd7
(vdev-pit) channels 1 and 2 latched at once: channel 2 reads 0x4321
(vdev-pit) channel 1's count kept for 10 ms: yes
(vdev-pit) gate high, count 0xffff (54.9 ms): OUT2 low at first
(vdev-pit) OUT2 high 5 or 6 ticks later: yes
(vdev-pit) gate low for 2 ticks: count 0x8000, OUT2 low
(vdev-pit) gate raised: OUT2 low 0x4000 cycles later, high 0xc000 cycles later
(vdev-pit) gate lowered mid-count: the count stops: yes
(vdev-pit) gate raised again: the count goes on from there: yes
(vdev-pit) port 0x61: wrote 0x0c, bits 0-3 read 0x0c
(vdev-pit) refresh bit toggles over 200 reads: yes
(vdev-pit) BCD count 1234, gate low: status 0x31, count 0x1234
(vdev-pit) BCD 9999 after a gate pulse: lower, in BCD: yes
(vdev-pit) BCD 5 after a gate pulse: past 0, from 9999 down, in BCD: yes
(vdev-pit) binary 5 after a gate pulse: past 0, from 0xffff down: yes
(vdev-pit) low byte only, 0x56: status 0x10, reads 0x56 0x56, OUT2 high 0x800 cycles after the gate rose
(vdev-pit) low byte only, latched: 0x11 reads 0x11, then 0x22 reads 0x22
(vdev-pit) high byte only, 0x78 (0x7800): status 0x20, reads 0x78 0x78, OUT2 low 0x3c00 cycles after the gate rose, high 0xb400 cycles after
vdev-pit: exit(0)
(vdev-pit) end
EOF
pass;
