# tests::vmctl::vmctl -- what the vmctl tests' checkers share.  The
# ticking guest (ticker.c) prints "(ticker) tick N" lines while
# the test program prints its own; the two interleave as the CPU goes
# back and forth, so the checkers compare the test's lines exactly and
# judge the counter's lines by what they must show (no line while
# paused, no gap and no repeat across a snapshot or a migration).
package tests::vmctl::vmctl;

use strict;
use warnings;
use Exporter qw(import);
use tests::tests;

our @EXPORT = qw(vmctl_core_output check_vmctl_lines count_of counts_between
                 check_consecutive check_consecutive_from);

# The ticking guests' line (ticker.c, dirty.c).
my $count_line = qr/^\((?:ticker|dirty)\) tick (\d+)$/;

# Reads the run's output, runs the common checks and returns the
# lines the actions printed.
sub vmctl_core_output
{
  my @output = read_output ();
  common_checks ('run', @output);
  return get_core_output ('run', @output);
}

# Compares the lines of CORE other than the ticker's with EXPECTED, a
# string of lines or a reference to a list of such alternatives, as
# check_expected does.
sub check_vmctl_lines
{
  my ($expected, $core, %options) = @_;
  my @rest = grep { !/$count_line/ } @$core;
  compare_output ('run', %options, \@rest, ref $expected ? $expected : [$expected]);
}

# Returns the counter value of LINE, or undef if it is no counter line.
sub count_of
{
  my ($line) = @_;
  return $line =~ $count_line ? $1 : undef;
}

# Returns the counter values printed strictly between the first line
# equal to FROM and the first line after it equal to TO, among CORE
# (FROM undef: from the start; TO undef: to the end).  Fails if a
# marker is missing.
sub counts_between
{
  my ($core, $from, $to) = @_;
  my $i = 0;
  if (defined $from)
    {
      $i++ while $i < @$core && $core->[$i] ne $from;
      fail ("The output has no line '$from'.") if $i == @$core;
      $i++;
    }
  my @counts;
  for (; $i < @$core; $i++)
    {
      last if defined $to && $core->[$i] eq $to;
      my $n = count_of ($core->[$i]);
      push @counts, $n if defined $n;
    }
  fail ("The output has no line '$to' after '$from'.")
    if defined $to && $i == @$core;
  return @counts;
}

# Fails, saying WHAT, unless COUNTS run FIRST, FIRST + 1, ... without a
# gap or a repeat (a ticker that starts over, skips or repeats lost its
# state).
sub check_consecutive_from
{
  my ($what, $first, @counts) = @_;
  for my $i (0 .. $#counts)
    {
      my $want = $first + $i;
      my @near = @counts[($i > 3 ? $i - 3 : 0) .. ($i + 3 > $#counts ? $#counts : $i + 3)];
      fail ("$what: the ticker printed $counts[$i] where $want was due "
            . "(ticks: @near).")
        if $counts[$i] != $want;
    }
}

# The same for COUNTS that start at 1.
sub check_consecutive
{
  my ($what, @counts) = @_;
  check_consecutive_from ($what, 1, @counts);
}

1;
