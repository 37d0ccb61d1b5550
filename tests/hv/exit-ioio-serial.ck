# -*- perl -*-
# The guest prints through the emulated UART, whose registers hold
# what the guest writes.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-ioio-serial) begin
(exit-ioio-serial) this line went out through COM1, one OUT per byte
(exit-ioio-serial) scratch register reads back 0x5a
(exit-ioio-serial) divisor latch reads back 3; line control 0x3
(exit-ioio-serial) line status 0x60, interrupt identification 0x1
exit-ioio-serial: exit(0)
(exit-ioio-serial) end
EOF
pass;
