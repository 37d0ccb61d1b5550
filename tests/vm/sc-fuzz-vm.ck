# -*- perl -*-
# The system-call fuzzer (tests/userprog/fuzz.c) on the virtual-memory
# kernel, seed 1, with mmap, munmap and vmstat among the calls: as
# sc-fuzz, and the free swap slots come back too.
use strict;
use warnings;
use tests::tests;
my $killed = "child-fuzz: exit(-1)\n";
check_expected ([<<EOF]);
(sc-fuzz-vm) begin
(sc-fuzz-vm) seed 1: 6 rounds of 280 calls
${killed}child-fuzz: exit(0)
@{[$killed x 6]}child-fuzz: exit(0)
(sc-fuzz-vm) no kernel failures
(sc-fuzz-vm) free pages: as many as before
(sc-fuzz-vm) free swap slots: as many as before
(sc-fuzz-vm) end
sc-fuzz-vm: exit(0)
EOF
pass;
