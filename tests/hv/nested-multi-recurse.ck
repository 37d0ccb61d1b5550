# -*- perl -*-
# Ringlet inside Ringlet: the userprog lab's kernel boots as a guest of
# the hv, formats the file system on its IDE disk, copies multi-recurse
# there from the disk's scratch partition and runs "multi-recurse 15":
# sixteen processes nest, each loaded from the guest's disk.
# multi-recurse's own checker judges the guest's lines.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;
check_nested ('ringlet-userprog', 'ringlet-userprog.bin', 'tests/userprog/multi-recurse.ck');
