# -*- perl -*-
# A paused VM stops and goes on where it stopped.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
check_vmctl_lines (<<'EOF', \@core);
(pause-resume) begin
(pause-resume) resume while running: ENOTPAUSED
(pause-resume) pause: OK
(pause-resume) pause again: EPAUSED
(pause-resume) listed as paused
(pause-resume) no exit while paused
(pause-resume) no CPU time while paused
(pause-resume) resume: OK
(pause-resume) it goes on
(pause-resume) end
pause-resume: exit(0)
EOF
my @paused = counts_between (\@core, '(pause-resume) pause: OK',
                             '(pause-resume) resume: OK');
fail ("The guest printed count lines while paused: @paused.") if @paused;
my @before = counts_between (\@core, undef, '(pause-resume) pause: OK');
my @after = counts_between (\@core, '(pause-resume) resume: OK', undef);
fail ("The guest printed nothing before the pause.") unless @before;
fail ("The guest printed nothing after it was resumed.") unless @after;
check_consecutive ('Across the pause', @before, @after);
pass;
