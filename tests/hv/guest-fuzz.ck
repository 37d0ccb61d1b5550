# -*- perl -*-
# A batch of generated hostile guests: each ends with a reason, the
# next one runs, every page comes back.  Exit codes depend on what
# the generator wrote, so they are not compared.
use strict;
use warnings;
use tests::tests;
check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(guest-fuzz) begin
(guest-fuzz) every generated guest ended with a reason; every page came back
(guest-fuzz) end
EOF
pass;
