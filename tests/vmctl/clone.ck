# -*- perl -*-
# A clone goes on from the same step as its source.
use strict;
use warnings;
use tests::tests;
use tests::vmctl::vmctl;
my @core = vmctl_core_output ();
check_vmctl_lines (<<'EOF', \@core);
(clone) begin
(clone) clone while running: ENOTPAUSED
(clone) pause: OK
(clone) cloned, not started
(clone) the clone is called ticker+
(clone) resume the source: OK
(clone) resume the clone: OK
(clone) both killed
(clone) every page back
(clone) end
clone: exit(0)
EOF
my @before = counts_between (\@core, undef, '(clone) pause: OK');
my @paused = counts_between (\@core, '(clone) pause: OK', '(clone) resume the source: OK');
my @after = counts_between (\@core, '(clone) resume the source: OK', '(clone) both killed');
fail ("The guest printed while paused: @paused.") if @paused;
check_consecutive ('Before the clone', @before);
my $last = @before ? $before[-1] : 0;
my %seen;
$seen{$_}++ for @after;
my ($max) = sort { $b <=> $a } @after;
fail ("The VMs printed nothing after the clone.") unless defined $max;
for my $n ($last + 1 .. $max)
  {
    fail ("Step $n was printed " . ($seen{$n} // 0) . " times after the clone; "
          . "each step goes once or twice (once per VM): @after.")
      if !$seen{$n} || $seen{$n} > 2;
    delete $seen{$n};
  }
fail ("Steps from before the clone were printed again: " . join (' ', sort keys %seen) . ".")
  if %seen;
fail ("Step " . ($last + 1) . " was not printed by both VMs: @after.")
  unless grep ({ $_ == $last + 1 } @after) == 2;
pass;
