# -*- perl -*-
# The real-time clock raises IRQ 8 through the PIC: periodic and
# update-ended interrupts at their rates, and only one while status C
# stays unread.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(vdev-rtc-irq) begin
(vdev-rtc-irq) periodic at 8 Hz: 3 interrupts in 0.45 s after one
(vdev-rtc-irq) update-ended: 2 interrupts in 2.5 s after one
(vdev-rtc-irq) periodic at 1024 Hz: at least 10 interrupts in 0.2 s after one
(vdev-rtc-irq) periodic at 8 Hz, status C never read: 0 interrupts in 0.45 s after one
vdev-rtc-irq: exit(0)
(vdev-rtc-irq) end
EOF
pass;
