# -*- perl -*-
# The emulated MC146818 and its CMOS: memory sizes of the default
# 4 MiB VM, one time in every format, seconds that follow the timer,
# UIP around an update, SET, and status C.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-rtc) begin
(vdev-rtc) base memory 640 KiB, extended 3072 KiB (and 3072 KiB), 0 blocks of 64 KiB above 16 MiB
(vdev-rtc) equipment 0x2; status A 0x26, B 0x2, D 0x80
(vdev-rtc) bytes 0x2e-0x2f hold the checksum of bytes 0x10-0x2d
(vdev-rtc) CMOS byte 0x40 holds 0xa5 (index with NMI bit); status D 0x80 after writing 0
(vdev-rtc) BCD, binary and 12-hour readings of the time agree
(vdev-rtc) the date and time are valid; the day of the week matches
(vdev-rtc) from a second's start, 2 seconds passed in 250 timer ticks
(vdev-rtc) UIP rose and fell again; the seconds went on by 1 across it
(vdev-rtc) with SET, the clock stood still for 1.5 s; UIP 0
(vdev-rtc) written with SET: 2024-02-29 23:59:58, day of the week 5
(vdev-rtc) 2.5 s after SET was cleared: 2024-03-01 00:00:00, day of the week 6
(vdev-rtc) in 12-hour mode, 1.5 s after 11:59:59 p.m. on 2099-12-31: 2100-01-01, hour 0xc, 00:00, day of the week 1
(vdev-rtc) seconds written as 0xff read 0x59; 2023-02-31 became 2023-02-28
(vdev-rtc) status C after 1.5 s at 2 Hz, alarm every second: 0x70, read again 0
(vdev-rtc) status C with an alarm that cannot match: 0x10
(vdev-rtc) status C with update interrupts on: 0x90
(vdev-rtc) status C with periodic interrupts on, without UF: 0xc0
vdev-rtc: exit(0)
(vdev-rtc) end
EOF
pass;
