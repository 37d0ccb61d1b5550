# -*- perl -*-
# A running VM migrates; its ticks go on without a gap or a repeat.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
check_vmctl_lines (<<'EOF', \@core);
(migrate) begin
(migrate) pause: OK
(migrate) migrating a paused VM refused with a reason
(migrate) resume: OK
(migrate) migrating
(migrate) migrated
(migrate) the old VM is gone, the new one runs
(migrate) the figures add up
(migrate) killed
(migrate) every page back
(migrate) end
migrate: exit(0)
EOF
my @ticks = counts_between (\@core, undef, '(migrate) killed');
my @after = counts_between (\@core, '(migrate) migrated', '(migrate) killed');
fail ("The migrated guest printed nothing.") unless @after;
check_consecutive ('Across the migration', @ticks);
pass;
