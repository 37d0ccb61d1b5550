# -*- perl -*-
# Thirty threads spin 30 seconds each, thread I from second 5 + I; the
# load average, printed every two seconds, must follow the model
# (tests/threads/mlfqs.pm) started from the load average the test
# printed at its start: at update U, the threads with 5 + I <= U <
# 35 + I are ready.  Tolerance: 0.50 (fixed-point rounding moves it by
# under 0.1; a spinner that sees its end late, behind the others, is
# ready at one more update, which adds up to about 0.15).
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs;

my @lines = mlfqs_lines ('mlfqs-load-avg');
mlfqs_take (\@lines, '30 threads spin 30 seconds each, thread I from second 5 + I');
my $start = mlfqs_take (\@lines, qr/^load average at the start: (\d+\.\d\d)$/);
my @data = mlfqs_take_all (\@lines, qr/^load average after (\d+) seconds: (\d+\.\d\d)$/);
fail ("Expected 40 reports, every two seconds, found " . @data . '.')
  unless @data == 40 && !grep { $data[$_][0] != 2 * ($_ + 1) } 0 .. $#data;

my $ready = sub { my ($u) = @_; scalar grep { $u >= 5 + $_ && $u < 35 + $_ } 0 .. 29 };
my @model = mlfqs_load_model ($start, $ready, 80);
mlfqs_compare ('the load average', 0.5,
               map { ["after $_->[0] s", $_->[1], $model[$_->[0] - 1]] } @data);
pass;
