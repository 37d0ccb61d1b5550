# tests::sched::tier1 -- what the checkers of the tier-1 tests
# (uthread-*) share: the test's own lines and taking them one by one
# against patterns (the MLFQS checkers' helpers, which serve any test
# that prints figures, under names that read right here), the
# per-thread report that hv/guest/uthread-report.c prints after a
# user program, and the guest's exit.
package tests::sched::tier1;
use strict;
use warnings;
use tests::tests;
use tests::threads::mlfqs qw(mlfqs_lines mlfqs_take);
use Exporter 'import';
our @EXPORT = qw(tier1_lines tier1_take tier1_threads tier1_exit_ok);

# Fails unless the guest program FILE (e.g. "tier1-fair") ended with
# exit code 0.
sub tier1_exit_ok
{
  my ($file) = @_;
  fail ("The guest did not end with \"$file: exit(0)\" (killed, or failed a check).")
    unless grep { $_ eq "$file: exit(0)" } read_output ();
}

# The lines of test NAME between "(NAME) begin" and "(NAME) end",
# without the prefix; the first of a list of lines, against a pattern.
{
  no warnings 'once';
  *tier1_lines = \&mlfqs_lines;
  *tier1_take = \&mlfqs_take;
}

# Takes COUNT per-thread report lines and the totals line from LINES
# (an array reference).  Returns a reference to a list of threads
# (hashes: iterations, runs, vps, done), the switches and dispatches,
# and the VPs' idle yields and lock yields.
sub tier1_threads
{
  my ($lines, $count) = @_;
  my @threads;
  for my $i (0 .. $count - 1)
    {
      my ($id, $iterations, $runs, $vps, $done) = tier1_take (
        $lines, qr/^uthread (\d+): iterations (\d+), runs (\d+), vps ([\d,]*), (done|not done)$/);
      fail ("Expected the report of uthread $i, found uthread $id.") unless $id == $i;
      push @threads, { iterations => $iterations, runs => $runs,
                       vps => [split /,/, $vps], done => $done eq 'done' };
    }
  my ($switches, $dispatches, $idle, $lock)
    = tier1_take ($lines, qr/^user-level switches (\d+), dispatches (\d+), idle yields (\d+), lock yields (\d+)$/);
  return (\@threads, $switches, $dispatches, $idle, $lock);
}

1;
