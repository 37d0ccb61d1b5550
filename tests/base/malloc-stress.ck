# -*- perl -*-
# Checks that the random heap operations kept every block intact
# and leaked nothing.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(malloc-stress) begin
(malloc-stress) calloc zeroes and checks overflow; free (NULL), realloc (NULL)
(malloc-stress) blocks of 16 bytes to 2 pages: arenas made and given back
(malloc-stress) 6000 random operations on 200 slots: contents intact
(malloc-stress) every block freed, every page returned
(malloc-stress) end
EOF
pass;
