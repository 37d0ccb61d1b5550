# -*- perl -*-
# insmod and rmmod from a user program.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(insmod-rmmod) begin
(insmod-rmmod) list before insmod: ENOHV
(insmod-rmmod) insmod of a missing file refused
(insmod-rmmod) insmod of a guest image refused
(insmod-rmmod) insmod hv.ko
(insmod-rmmod) list with hv loaded and no VM: OK
(insmod-rmmod) insmod hv.ko again refused
(insmod-rmmod) rmmod of a module never loaded refused
(insmod-rmmod) rmmod hv
(insmod-rmmod) rmmod hv again refused
(insmod-rmmod) list after rmmod: ENOHV
(insmod-rmmod) insmod hv.ko after rmmod
hello: exit(0)
(insmod-rmmod) hello ran
(insmod-rmmod) end
insmod-rmmod: exit(0)
EOF
pass;
