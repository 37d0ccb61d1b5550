# -*- perl -*-
# Checks that every bitmap size agreed with its model and nothing leaked.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(bitmap-unit) begin
(bitmap-unit) size    1: edges and 200 random operations match the model
(bitmap-unit) size   31: edges and 200 random operations match the model
(bitmap-unit) size   32: edges and 200 random operations match the model
(bitmap-unit) size   33: edges and 200 random operations match the model
(bitmap-unit) size   64: edges and 200 random operations match the model
(bitmap-unit) size 1000: edges and 200 random operations match the model
(bitmap-unit) bitmap of 1000 bits in a buffer: set_all, scan_and_flip
(bitmap-unit) runs across word boundaries found
(bitmap-unit) no pages leaked
(bitmap-unit) end
EOF
pass;
