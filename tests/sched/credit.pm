# tests::sched::credit -- what the tier-3 checkers share: reading the
# figures the kernel tests of credit.c print, and comparing them with
# what the credit scheduler promises, within a stated tolerance.  Each
# check fails with the figure, what was expected and the tolerance.
package tests::sched::credit;

use strict;
use warnings;
use Exporter qw(import);
use tests::tests;

our @EXPORT = qw(credit_start credit_figure credit_near credit_at_most
                 credit_at_least credit_done);

# The test's name and its output, set by credit_start.
my $name;
my @output;

# Points added to every tolerance and limit, set by credit_start, when
# the machine has several CPUs ("hv: N CPUs: ..." as the hv loads), for
# the tests of one CPU's shares (not the smp-* tests, made for several).
# The test's VCPUs then run on one CPU other than the boot CPU, whose
# loop sees each new tick of the boot CPU's timer only at its own
# timer's next interrupt, up to a tick late, so slices and accounting
# periods come out a little uneven: 1.5 points on Bochs (measured: up
# to 2.2 off where one CPU is within 2).  On QEMU, whose -icount runs
# the CPUs in turn, the time-stamp counter also runs on during the
# other CPUs' turns, so the busy CPU's VCPUs are charged for time they
# did not run: 3 points (measured: up to 4.2 off where one CPU is
# within 4).
my $slack = 0;

# Reads the output of test NAME and checks the lines every tier-3 test
# prints whatever the figures: it began, its VMs' pages came back, it
# ended, and nothing panicked.
sub credit_start
{
  ($name) = @_;
  @output = read_output ();
  common_checks (@output);
  my $several = grep { /^hv: (\d+) CPUs: / && $1 > 1 } @output;
  my $qemu = grep { /model "QEMU HARDDISK"/ } @output;
  $slack = !$several || $name =~ /^smp-/ ? 0 : $qemu ? 3 : 1.5;
  for my $line ("($name) begin", "($name) every page came back",
                "($name) end")
    {
      grep { $_ eq $line } @output
        or fail ("missing line: $line");
    }
}

# Returns the number (a decimal, possibly with a fraction) that the
# first output line "($name) LABEL..." carries right after LABEL,
# where LABEL is a regular expression; fails if there is no such line.
sub credit_figure
{
  my ($label) = @_;
  for my $line (@output)
    {
      return $1 if $line =~ /^\(\Q$name\E\) $label\s*([0-9]+(?:\.[0-9]+)?)/;
    }
  fail ("no line '($name) $label...' in the output");
}

# Fails unless FIGURE (described by WHAT) is within TOLERANCE of
# EXPECTED.
sub credit_near
{
  my ($what, $figure, $expected, $tolerance) = @_;
  $tolerance += $slack;
  return if abs ($figure - $expected) <= $tolerance;
  fail (sprintf ("%s is %s, expected %.2f within %s", $what, $figure,
                 $expected, $tolerance));
}

# Fails unless FIGURE (described by WHAT) is at most LIMIT.
sub credit_at_most
{
  my ($what, $figure, $limit) = @_;
  $limit += $slack;
  fail ("$what is $figure, more than the limit $limit") if $figure > $limit;
}

# Fails unless FIGURE (described by WHAT) is at least LIMIT.
sub credit_at_least
{
  my ($what, $figure, $limit) = @_;
  $limit -= $slack;
  fail ("$what is $figure, less than $limit") if $figure < $limit;
}

# Every check passed.
sub credit_done
{
  pass ();
}

1;
