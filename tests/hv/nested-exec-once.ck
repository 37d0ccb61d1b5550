# -*- perl -*-
# Ringlet inside Ringlet: the userprog lab's kernel boots as a guest of
# the hv, formats the file system on its IDE disk, copies exec-once and
# child-simple there from the disk's scratch partition and runs
# exec-once, which starts child-simple.  exec-once's own checker
# judges the guest's lines.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;
check_nested ('ringlet-userprog', 'ringlet-userprog.bin', 'tests/userprog/exec-once.ck');
