# -*- perl -*-
# Checks of the tests of a VM's life past running (tests/hv/vm-life.c):
# guest-counter prints "(counter) count N" for N = 1...40 and then
# "(counter) pattern intact, checksum C".  Whatever happened to its VM
# (paused, saved and restored, cloned), the steps must come out in
# order without a gap or a repeat, each VM's memory must come through
# whole, and the test's own lines must be the expected ones.
package tests::hv::life;
use strict;
use warnings;
use tests::tests;
use Exporter 'import';
our @EXPORT = qw(check_life);

my $STEPS = 40;

# Checks test $test, whose own lines ("($test) ..." and the guests'
# "NAME: exit(N)" lines, in order) must be @$expected.  $copy_after is
# the line of the test after which the guest runs in two VMs (a clone),
# or undef.
sub check_life
{
  my ($test, $expected, $copy_after) = @_;
  my @output = read_output ();

  # The steps: once each before the copy, then twice each (both VMs).
  my (@before, @after);
  my $copied = 0;
  my $checksums = 0;
  my %checksum;
  for (@output)
    {
      $copied = 1 if defined $copy_after && $_ eq "($test) $copy_after";
      if (/^\(counter\) count (\d+)$/)
        {
          push (@{$copied ? \@after : \@before}, $1);
        }
      elsif (/^\(counter\) pattern intact, checksum ([0-9a-f]{8})$/)
        {
          $checksums++;
          $checksum{$1} = 1;
        }
      elsif (/^\(counter\) /)
        {
          fail ("The guest says: $_");
        }
    }
  my $vms = defined $copy_after ? 2 : 1;
  for my $i (0 .. $#before)
    {
      $before[$i] == $i + 1
        or fail ("Step " . ($i + 1) . " came out as step $before[$i]: "
                 . "a step was lost or repeated.");
    }
  if (!defined $copy_after)
    {
      @before == $STEPS
        or fail ("The guest printed " . scalar (@before)
                 . " steps, not $STEPS.");
    }
  else
    {
      my $first = @before + 1;
      my @want = sort { $a <=> $b } map { ($_) x 2 } $first .. $STEPS;
      my @got = sort { $a <=> $b } @after;
      "@got" eq "@want"
        or fail ("After the copy, both VMs should print steps $first to "
                 . "$STEPS once each; got: @after");
    }
  $checksums == $vms
    or fail ("Expected $vms pattern checks by the guest, got $checksums.");
  keys (%checksum) == 1
    or fail ("The two VMs' memory checksums differ: "
             . join (", ", sort keys %checksum));

  # The test's lines in order; how the guests ended in any order, as
  # two VMs may end in either order.
  my @lines = grep (/^\($test\) /, @output);
  my $got = join ("\n", @lines);
  my $want = join ("\n", "($test) begin", grep (/^\(/, @$expected),
                    "($test) end");
  $got eq $want or fail ("Expected:\n$want\nGot:\n$got");
  my @ends = sort grep (/^guest-counter\+?: /, @output);
  my @want_ends = sort grep (!/^\(/, @$expected);
  "@ends" eq "@want_ends"
    or fail ("The guests should end as: @want_ends; they ended as: @ends");
  pass;
}

1;
