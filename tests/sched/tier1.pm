# tests::sched::tier1 -- what the checkers of the tier-1 tests
# (uthread-*) share: the test's own lines, taking them one by one
# against patterns, and the per-thread report that
# hv/guest/uthread-report.c prints after a user program.
package tests::sched::tier1;
use strict;
use warnings;
use tests::tests;
use Exporter 'import';
our @EXPORT = qw(tier1_lines tier1_take tier1_threads tier1_exit_ok);

# Returns the lines of test NAME between "(NAME) begin" and "(NAME)
# end", without the "(NAME) " prefix, after the checks every run gets.
sub tier1_lines
{
  my ($name) = @_;
  my @output = read_output ();
  common_checks ('run', @output);
  my @lines = map { /^\(\Q$name\E\) (.*)$/ ? $1 : () } get_core_output ('run', @output);
  fail ("The output does not start with \"($name) begin\".")
    unless @lines && shift @lines eq 'begin';
  fail ("The output does not end with \"($name) end\".")
    unless @lines && pop @lines eq 'end';
  return @lines;
}

# Fails unless the guest program FILE (e.g. "tier1-fair") ended with
# exit code 0.
sub tier1_exit_ok
{
  my ($file) = @_;
  fail ("The guest did not end with \"$file: exit(0)\" (killed, or failed a check).")
    unless grep { $_ eq "$file: exit(0)" } read_output ();
}

# Removes the first of LINES (an array reference) and returns the
# captures of PATTERN (a regular expression) in it, or true if PATTERN
# is a string it equals.  Fails, saying what was expected, otherwise.
sub tier1_take
{
  my ($lines, $pattern) = @_;
  my $line = shift @$lines;
  my $want = ref $pattern ? "a line like $pattern" : "the line \"$pattern\"";
  fail ("Expected $want, but the output ended.") unless defined $line;
  if (ref $pattern)
    {
      my @captures = $line =~ $pattern;
      fail ("Expected $want, found \"$line\".") unless @captures;
      return @captures;
    }
  fail ("Expected $want, found \"$line\".") unless $line eq $pattern;
  return 1;
}

# Takes COUNT per-thread report lines and the totals line from LINES
# (an array reference).  Returns a reference to a list of threads
# (hashes: iterations, runs, vps, done) and the switches and dispatches.
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
  my ($switches, $dispatches)
    = tier1_take ($lines, qr/^user-level switches (\d+), dispatches (\d+)$/);
  return (\@threads, $switches, $dispatches);
}

1;
