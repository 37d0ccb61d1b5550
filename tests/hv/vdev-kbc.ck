# -*- perl -*-
# The emulated 8042 keyboard controller: its commands and status, the
# keyboard's answers, a bounded output queue, IRQ 1 once per byte
# while enabled, and a reset request that ends the VM.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-kbc) begin
(vdev-kbc) status 0x14
(vdev-kbc) self-test 0x55, keyboard interface test 0
(vdev-kbc) status after a command 0x1c
(vdev-kbc) command byte 0x45
(vdev-kbc) command byte after writing 0x44: 0x44; status 0x14
(vdev-kbc) command byte with keyboard and mouse off: 0x74
(vdev-kbc) command byte with them on again: 0x44
(vdev-kbc) controller RAM byte 31: 0x5a
(vdev-kbc) output port 0x3
(vdev-kbc) output port after writing 0xdd: 0xdd
(vdev-kbc) byte written to the keyboard's output buffer: 0x42
(vdev-kbc) still running after pulsing lines other than reset
(vdev-kbc) keyboard echo: 0xee
(vdev-kbc) keyboard reset: 0xfa 0xaa
(vdev-kbc) keyboard identify: 0xfa 0xab 0x83
(vdev-kbc) keyboard set LEDs: 0xfa
(vdev-kbc) keyboard LEDs 7: 0xfa
(vdev-kbc) keyboard scan code set: 0xfa
(vdev-kbc) keyboard query: 0xfa 0x2
(vdev-kbc) keyboard enable: 0xfa
(vdev-kbc) keyboard disable: 0xfa
(vdev-kbc) keyboard resend: 0xfa
(vdev-kbc) empty output buffer reads the last byte again: 0xfa
(vdev-kbc) ten identify commands without reading: 16 of 30 bytes kept
(vdev-kbc) IRQ 1 after echo: interrupts 1, bytes 0xee 0
(vdev-kbc) IRQ 1 after reset: interrupts 2, bytes 0xfa 0xaa
(vdev-kbc) with IRQ 1 disabled: interrupts 0, byte 0xee waiting
(vdev-kbc) pulsing the reset line
(vdev-kbc) vm killed: reset requested through the keyboard controller
(vdev-kbc) end
EOF
pass;
