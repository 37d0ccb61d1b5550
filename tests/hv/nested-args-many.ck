# -*- perl -*-
# Ringlet inside Ringlet: the userprog lab's kernel boots as a guest of
# the hv, formats the file system on its IDE disk, copies args-many
# there from the disk's scratch partition and runs it with 22
# one-letter arguments, which reach the guest as one quoted word of
# its multiboot command line.  args-many's own checker judges the
# guest's lines.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;
check_nested ('ringlet-userprog', 'ringlet-userprog.bin', 'tests/userprog/args-many.ck');
