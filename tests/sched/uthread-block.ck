# -*- perl -*-
# A user thread blocked in a system call (a 10-tick sleep) blocks only
# its own kernel thread: the 5 other user threads must each have made
# progress (at least 5 iterations; a round robin gives each about 100)
# while it was blocked, and the sleep must have lasted 10 ticks or more.
use strict;
use warnings;
use tests::tests;
use tests::sched::tier1;

my @lines = tier1_lines ('uthread-block');
tier1_take (\@lines, '6 user threads on 2 kernel threads; thread 0 sleeps 10 ticks');
my ($slept) = tier1_take (\@lines, qr/^thread 0 was blocked in a system call for (\d+) ticks$/);
fail ("Thread 0 was blocked for $slept ticks, fewer than the 10 it asked for.")
  if $slept < 10;
for my $t (1 .. 5)
  {
    my ($id, $made) = tier1_take (\@lines, qr/^thread (\d+) made (\d+) iterations meanwhile$/);
    fail ("Expected thread $t's progress, found thread $id's.") unless $id == $t;
    fail ("Thread $t made only $made iterations while thread 0 was blocked: "
          . "the other threads did not keep running.")
      if $made < 5;
  }
tier1_take (\@lines, 'program ended');
my ($threads) = tier1_threads (\@lines, 6);
fail ("Unexpected lines after the report: @lines") if @lines;
fail ("Not every user thread ended.") if grep { !$_->{done} } @$threads;
tier1_exit_ok ('tier1-block');
pass;
