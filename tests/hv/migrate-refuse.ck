# -*- perl -*-
# What cannot be migrated is refused with its reason, and the VM runs
# on as before: one under shadow paging, one never started, a paused
# one; a VM that is gone is no VM.  Every page comes back.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(migrate-refuse) begin
(migrate-refuse) under shadow paging: not migrated (not possible for this VM now): live migration needs nested paging: under shadow paging the guest's writes cannot be logged
(migrate-refuse) vm killed: stopped at the host's request
(migrate-refuse) never started: not migrated (not possible for this VM now): it is not running: it was never started
(migrate-refuse) paused: not migrated (not possible for this VM now): it is not running: it is paused
(migrate-refuse) vm killed: stopped at the host's request
(migrate-refuse) ended and gone: not migrated (no such VM): no such VM (or it has ended)
(migrate-refuse) every page came back
(migrate-refuse) end
EOF
pass;
