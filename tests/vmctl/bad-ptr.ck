# -*- perl -*-
# Bad pointers end the caller and cost the kernel nothing.
use strict;
use warnings;
use tests::tests;
my $child = "child-bad-ptr: exit(-1)\n" x 14;
check_expected ([<<"EOF"]);
(bad-ptr) begin
${child}(bad-ptr) every child killed, no page kept (as many free as before)
(bad-ptr) guest-spin still runs
(bad-ptr) end
bad-ptr: exit(0)
EOF
pass;
