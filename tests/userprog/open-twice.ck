# -*- perl -*-
# Opens one file twice: each open gives a descriptor of its own.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(open-twice) begin
(open-twice) open sample.txt
(open-twice) open sample.txt again
(open-twice) the two descriptors differ
(open-twice) end
open-twice: exit(0)
EOF
pass;
