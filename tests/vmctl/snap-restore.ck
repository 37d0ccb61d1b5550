# -*- perl -*-
# Snapshot, kill, restore, resume: the counter goes on.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
check_vmctl_lines (<<'EOF', \@core);
(snap-restore) begin
(snap-restore) snapshot while running: ENOTPAUSED
(snap-restore) no file left behind
(snap-restore) pause: OK
(snap-restore) snapshot: OK
(snap-restore) the snapshot is a file
(snap-restore) snapshot to it again: EFILE
(snap-restore) killed
(snap-restore) restored as 'restored', not started
(snap-restore) resume: OK
(snap-restore) snapshot removed
(snap-restore) every page back
(snap-restore) end
snap-restore: exit(0)
EOF
my @before = counts_between (\@core, undef, '(snap-restore) pause: OK');
my @between = counts_between (\@core, '(snap-restore) pause: OK',
                              '(snap-restore) resume: OK');
my @after = counts_between (\@core, '(snap-restore) resume: OK', undef);
fail ("The guest printed while paused, killed or not yet resumed: @between.")
  if @between;
fail ("The restored guest printed nothing.") unless @after;
check_consecutive ('Across the snapshot', @before, @after);
pass;
