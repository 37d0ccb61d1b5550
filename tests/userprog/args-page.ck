# -*- perl -*-
# A command line of a whole page reaches the child intact; one longer
# than a page makes exec fail.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(args-page) begin
(args-page) exec a 4095-byte command line of 2042 words
(args-page) the child got 2042 arguments, all intact
args-page: exit(2042)
(args-page) the child exited with its argc, 2042
(args-page) exec a 4097-byte command line: -1
(args-page) end
args-page: exit(0)
EOF
pass;
