# -*- perl -*-
# The hypercalls, including bad numbers and bad buffers.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-vmmcall) begin
(exit-vmmcall) HC_NULL returns 0
(exit-vmmcall) hypercall 99 returns -1
(exit-vmmcall) written by HC_CONSOLE_WRITE
(exit-vmmcall) HC_CONSOLE_WRITE returns 43
(exit-vmmcall) HC_CONSOLE_WRITE outside guest RAM returns -2
(exit-vmmcall) HC_CONSOLE_WRITE of 4097 bytes returns -3
(exit-vmmcall) HC_YIELD returns 0
(exit-vmmcall) HC_TICKS: never goes back
(exit-vmmcall) HC_EXIT with code 7
exit-vmmcall: exit(7)
(exit-vmmcall) end
EOF
pass;
