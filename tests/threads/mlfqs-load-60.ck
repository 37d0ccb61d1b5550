# -*- perl -*-
# Sixty threads spin from second 10 to second 70; the load average,
# printed every two seconds, must follow the model (tests/threads/
# mlfqs.pm) started from the load average the test printed at its
# start: 60 threads ready at updates 10 to 69, none before or after.
# Tolerance: 0.50 (fixed-point rounding moves it by under 0.1, and a
# spinner that sees its end late is ready at one more update).
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs;

my @lines = mlfqs_lines ('mlfqs-load-60');
mlfqs_take (\@lines, '60 threads spin from second 10 to second 70');
my $start = mlfqs_take (\@lines, qr/^load average at the start: (\d+\.\d\d)$/);
my @data = mlfqs_take_all (\@lines, qr/^load average after (\d+) seconds: (\d+\.\d\d)$/);
fail ("Expected 45 reports, every two seconds, found " . @data . '.')
  unless @data == 45 && !grep { $data[$_][0] != 2 * ($_ + 1) } 0 .. $#data;

my @model = mlfqs_load_model ($start, sub { $_[0] >= 10 && $_[0] < 70 ? 60 : 0 }, 90);
mlfqs_compare ('the load average', 0.5,
               map { ["after $_->[0] s", $_->[1], $model[$_->[0] - 1]] } @data);
pass;
