# -*- perl -*-
# One thread spins until the load average reads 0.50, then sleeps 10
# seconds.  The model (tests/threads/mlfqs.pm), started from the load
# average the test printed at its start, gives the second at which the
# load average first reads 0.50, and its value after the sleep.
# Tolerances: 2 seconds for the first, 0.03 for the second (the
# kernel's fixed-point rounding moves them by far less).
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs;

my @lines = mlfqs_lines ('mlfqs-load-1');
mlfqs_take (\@lines, 'one thread spins until the load average reaches 0.50');
my $start = mlfqs_take (\@lines, qr/^load average at the start: (\d+\.\d\d)$/);
my $seconds = mlfqs_take (\@lines, qr/^load average 0\.50 reached after (\d+) seconds$/);
my $asleep = mlfqs_take (\@lines, qr/^load average after 10 seconds asleep: (\d+\.\d\d)$/);
fail ("Unexpected line after the last: \"$lines[0]\".") if @lines;

my @loads = mlfqs_load_model ($start, sub { 1 }, 120);
my ($expected) = grep { sprintf ('%.0f', 100 * $loads[$_ - 1]) >= 50 } 1 .. @loads;
mlfqs_compare ('the seconds to reach 0.50', 2, ['seconds to 0.50', $seconds, $expected]);
mlfqs_compare ('the load average after the sleep', 0.03,
               ['after 10 s asleep', $asleep, $loads[$seconds - 1] * (59 / 60) ** 10]);
pass;
