# -*- perl -*-
# A guest that dirties memory too fast still migrates: the stop rule.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
check_vmctl_lines (<<'EOF', \@core);
(migrate-dirty) begin
(migrate-dirty) migrating
(migrate-dirty) migrated
(migrate-dirty) pre-copy ended by the stop rule
(migrate-dirty) the figures add up
(migrate-dirty) killed
(migrate-dirty) end
migrate-dirty: exit(0)
EOF
my @ticks = counts_between (\@core, undef, '(migrate-dirty) killed');
my @after = counts_between (\@core, '(migrate-dirty) migrated', '(migrate-dirty) killed');
fail ("The migrated guest printed nothing.") unless @after;
check_consecutive ('Across the migration', @ticks);
pass;
