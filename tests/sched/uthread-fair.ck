# -*- perl -*-
# 8 user threads on 2 kernel threads share the work fairly.  Every
# thread must have done its units and ended, and each thread's count
# must lie within 15% of the mean (the mean is 40 units; a round-robin
# scheduler keeps every thread within 3 units of it on QEMU; the slack
# covers a VP whose kernel thread is preempted while it runs a thread,
# which stalls that thread until the VP runs again; on several CPUs,
# 20% on Bochs and 40% on QEMU: tests/sched/smp.pm, smp_fair_tolerance).
use strict;
use warnings;
use tests::tests;
use tests::sched::tier1;
use tests::sched::smp;

my @lines = tier1_lines ('uthread-fair');
tier1_take (\@lines, '8 user threads on 2 kernel threads');
tier1_take (\@lines, 'program ended');
my ($threads, $switches) = tier1_threads (\@lines, 8);
fail ("Unexpected lines after the report: @lines") if @lines;
tier1_exit_ok ('tier1-fair');

my $total = 0;
$total += $_->{iterations} for @$threads;
my $mean = $total / @$threads;
my $tolerance = smp_fair_tolerance ();
for my $i (0 .. $#$threads)
  {
    my $t = $threads->[$i];
    fail ("uthread $i never ended.") unless $t->{done};
    fail (sprintf ("uthread $i did %d units, more than %d%% away from the mean %.1f: "
                   . "the user-level scheduler is not fair.", $t->{iterations},
                   $tolerance, $mean))
      if abs ($t->{iterations} - $mean) > $tolerance / 100 * $mean;
  }
fail ("Only $switches user-level switches for $total units: threads did not take turns.")
  if $switches < $total / 2;
pass;
