# -*- perl -*-
# Eight processes needing five times the user pool all get their data
# back, and every page and swap slot comes back.  The note in the
# result gives the page-fault throughput: pages loaded on demand per
# second of virtual time (timer ticks, at 100 per second, over the
# whole run).
use strict;
use warnings;
use tests::tests;

# Timer interrupts per virtual second (devices/timer.h).
my $timer_freq = 100;

check_expected (IGNORE_EXIT_CODES => 1, [<<'EOF']);
(page-stress) begin
(page-stress) exec "child-linear 0 1024 2"
(page-stress) exec "child-linear 1 1024 2"
(page-stress) exec "child-linear 2 1024 2"
(page-stress) exec "child-linear 3 1024 2"
(page-stress) exec "child-linear 4 1024 2"
(page-stress) exec "child-linear 5 1024 2"
(page-stress) exec "child-linear 6 1024 2"
(page-stress) exec "child-linear 7 1024 2"
(page-stress) child 0 exited with status 0
(page-stress) child 1 exited with status 1
(page-stress) child 2 exited with status 2
(page-stress) child 3 exited with status 3
(page-stress) child 4 exited with status 4
(page-stress) child 5 exited with status 5
(page-stress) child 6 exited with status 6
(page-stress) child 7 exited with status 7
(page-stress) free pages: as many after as before
(page-stress) free swap slots: as many after as before
(page-stress) end
EOF

my @output = read_output ();
my ($stats) = grep { /^page-stress: \d+ page loads/ } @output;
fail ("The test did not print its counters.") unless defined $stats;
my ($loads) = $stats =~ /^page-stress: (\d+) page loads/;
my ($ticks) = map { /^Timer: (\d+) ticks$/ ? $1 : () } @output;
fail ("The kernel did not print its tick count.") unless $ticks;
pass (sprintf ("%s\n%d page loads in %d ticks: %d per virtual second",
               $stats, $loads, $ticks, $loads * $timer_freq / $ticks));
