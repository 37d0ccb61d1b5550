# -*- perl -*-
# A user thread blocked in a system call (a wait on a guest-kernel
# semaphore) blocks only its own kernel thread: the 5 other user
# threads must each have made at least 20 iterations while it was
# blocked (thread 1 wakes it once they have; with a scheduler that
# starves some of them it wakes it when it gives up, and the figures
# show it).
use strict;
use warnings;
use tests::tests;
use tests::sched::tier1;

my @lines = tier1_lines ('uthread-block');
tier1_take (\@lines, '6 user threads on 2 kernel threads; thread 0 blocks on a semaphore');
tier1_take (\@lines, 'thread 0 is back from its system call');
for my $t (1 .. 5)
  {
    my ($id, $made) = tier1_take (\@lines, qr/^thread (\d+) made (\d+) iterations meanwhile$/);
    fail ("Expected thread $t's progress, found thread $id's.") unless $id == $t;
    fail ("Thread $t made only $made iterations while thread 0 was blocked: "
          . "the other threads did not keep running.")
      if $made < 20;
  }
tier1_take (\@lines, 'program ended');
my ($threads) = tier1_threads (\@lines, 6);
fail ("Unexpected lines after the report: @lines") if @lines;
fail ("Not every user thread ended.") if grep { !$_->{done} } @$threads;
tier1_exit_ok ('tier1-block');
pass;
