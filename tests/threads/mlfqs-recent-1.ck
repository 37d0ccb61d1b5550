# -*- perl -*-
# One thread spins for 90 seconds; every two seconds it prints its
# recent_cpu and the load average, half a second after an update.  The
# model (tests/threads/mlfqs.pm), started from the load average the
# test printed at its start, gives both.  Tolerances: 2.00 for
# recent_cpu and 0.03 for the load average (the kernel's fixed-point
# rounding accounts for up to a third of that).
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs;

my @lines = mlfqs_lines ('mlfqs-recent-1');
mlfqs_take (\@lines, 'one thread spins for 90 seconds');
my $start = mlfqs_take (\@lines, qr/^load average at the start: (\d+\.\d\d)$/);
my @data = mlfqs_take_all (\@lines, qr/^after (\d+) seconds: recent_cpu (\d+\.\d\d), load average (\d+\.\d\d)$/);
fail ("Expected 45 reports, every two seconds, found " . @data . '.')
  unless @data == 45 && !grep { $data[$_][0] != 2 * ($_ + 1) } 0 .. $#data;

my @model = mlfqs_recent_model ($start, 90);
my $ticks_since_update = 50;
mlfqs_compare ('recent_cpu', 2,
               map { ["after $_->[0] s", $_->[1], $model[$_->[0] - 1][1] + $ticks_since_update] } @data);
mlfqs_compare ('the load average', 0.03,
               map { ["after $_->[0] s", $_->[2], $model[$_->[0] - 1][0]] } @data);
pass;
