# -*- perl -*-
# Donation along a chain of seven locks, with interlopers that must
# wait until the chain has unwound.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(priority-donate-chain) begin
(priority-donate-chain) main holds lock 0, at priority 0
(priority-donate-chain) thread 1 (priority 3) waits; main's priority: 3
(priority-donate-chain) thread 2 (priority 6) waits; main's priority: 6
(priority-donate-chain) thread 3 (priority 9) waits; main's priority: 9
(priority-donate-chain) thread 4 (priority 12) waits; main's priority: 12
(priority-donate-chain) thread 5 (priority 15) waits; main's priority: 15
(priority-donate-chain) thread 6 (priority 18) waits; main's priority: 18
(priority-donate-chain) thread 7 (priority 21) waits; main's priority: 21
(priority-donate-chain) thread 1 got lock 0, at priority 21
(priority-donate-chain) thread 1 released lock 0, at priority 21
(priority-donate-chain) thread 2 got lock 1, at priority 21
(priority-donate-chain) thread 2 released lock 1, at priority 21
(priority-donate-chain) thread 3 got lock 2, at priority 21
(priority-donate-chain) thread 3 released lock 2, at priority 21
(priority-donate-chain) thread 4 got lock 3, at priority 21
(priority-donate-chain) thread 4 released lock 3, at priority 21
(priority-donate-chain) thread 5 got lock 4, at priority 21
(priority-donate-chain) thread 5 released lock 4, at priority 21
(priority-donate-chain) thread 6 got lock 5, at priority 21
(priority-donate-chain) thread 6 released lock 5, at priority 21
(priority-donate-chain) thread 7 got lock 6, at priority 21
(priority-donate-chain) thread 7 released lock 6, at priority 21
(priority-donate-chain) thread 7 released lock 7, at priority 21
(priority-donate-chain) interloper of priority 20 runs
(priority-donate-chain) thread 6 released lock 6, at priority 18
(priority-donate-chain) interloper of priority 17 runs
(priority-donate-chain) thread 5 released lock 5, at priority 15
(priority-donate-chain) interloper of priority 14 runs
(priority-donate-chain) thread 4 released lock 4, at priority 12
(priority-donate-chain) interloper of priority 11 runs
(priority-donate-chain) thread 3 released lock 3, at priority 9
(priority-donate-chain) interloper of priority 8 runs
(priority-donate-chain) thread 2 released lock 2, at priority 6
(priority-donate-chain) interloper of priority 5 runs
(priority-donate-chain) thread 1 released lock 1, at priority 3
(priority-donate-chain) interloper of priority 2 runs
(priority-donate-chain) main released lock 0; main's priority: 0
(priority-donate-chain) end
EOF
pass;
