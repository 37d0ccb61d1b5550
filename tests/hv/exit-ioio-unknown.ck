# -*- perl -*-
# Ports with nothing behind them read as all ones; writes are dropped.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-ioio-unknown) begin
(exit-ioio-unknown) byte read of port 0x80: 0xff
(exit-ioio-unknown) word read of port 0x1234: 0xffff
(exit-ioio-unknown) doubleword read of port 0x5678: 0xffffffff
exit-ioio-unknown: exit(0)
(exit-ioio-unknown) end
EOF
pass;
