# -*- perl -*-
# Ringlet inside Ringlet: the userprog lab's kernel boots as a guest of
# the hv, formats the file system on its IDE disk, copies wait-simple
# and child-simple there from the disk's scratch partition and runs
# wait-simple, which waits for child-simple.  wait-simple's own checker
# judges the guest's lines.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;
check_nested ('ringlet-userprog', 'ringlet-userprog.bin', 'tests/userprog/wait-simple.ck');
