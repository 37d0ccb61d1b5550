# -*- perl -*-
# Guest RAM is backed on first touch with zeroed pages that then keep
# their contents.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(npf-demand) begin
(npf-demand) 64 untouched pages read as zeros
(npf-demand) 64 pages kept what was written to them
npf-demand: exit(0)
(npf-demand) end
EOF
pass;
