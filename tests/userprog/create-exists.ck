# -*- perl -*-
# Creating a file whose name is taken must fail, whatever the other
# files; creating a free name still works.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(create-exists) begin
(create-exists) create quux.dat
(create-exists) create warble.dat
(create-exists) create quux.dat again: fails
(create-exists) create baffle.dat
(create-exists) create warble.dat again: fails
(create-exists) create quux.dat a third time: fails
(create-exists) end
create-exists: exit(0)
EOF
pass;
