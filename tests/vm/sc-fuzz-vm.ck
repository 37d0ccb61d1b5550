# -*- perl -*-
# The system-call fuzzer (tests/userprog/fuzz.c) on the virtual-memory
# kernel, seed 1, with mmap, munmap and vmstat among the calls: no
# result breaks a promise, each of the 6 children is killed by its
# last call, and free pages and swap slots come back.
use strict;
use warnings;
use tests::tests;
check_expected ([<<EOF]);
(sc-fuzz-vm) begin
(sc-fuzz-vm) seed 1: 6 rounds of 280 calls
@{["child-fuzz: exit(-1)\n" x 6]}(sc-fuzz-vm) children killed by their last call: 6 of 6
(sc-fuzz-vm) free pages: as many as before
(sc-fuzz-vm) free swap slots: as many as before
(sc-fuzz-vm) end
sc-fuzz-vm: exit(0)
EOF
pass;
