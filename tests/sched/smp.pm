# tests::sched::smp -- what the checkers of the tests on several
# physical CPUs (smp.c) add to tests::sched::credit: which simulator
# ran the test, since only on Bochs does every CPU get an even turn, so
# that timings mean something; and the lines a test prints more than
# once.
package tests::sched::smp;

use strict;
use warnings;
use Exporter qw(import);
use tests::tests;

our @EXPORT = qw(smp_on_bochs smp_lines smp_fair_tolerance);

# Returns true if the test ran on Bochs: QEMU names its disk "QEMU
# HARDDISK" as the kernel probes it.  QEMU's -icount runs the CPUs in
# turn, with uneven turns, so only Bochs's timings mean something.
sub smp_on_bochs
{
  return !grep { /model "QEMU HARDDISK"/ } read_output ();
}

# Returns the tolerance, in percent, of the guest scheduling tests'
# fairness checks: 15 on one CPU.  On a machine of several CPUs ("hv: N
# CPUs: ..." as the hv loads), the CPU that runs the VCPUs sees the
# boot CPU's ticks, which every virtual timer follows, up to a tick
# late: 20 on Bochs (measured: up to 15.1% off).  40 on QEMU, where
# -icount runs the CPUs in turn and the boot CPU counts its ticks only
# in its own turns, in bursts, so the guests' slices come out uneven,
# and a VM's VCPUs on different CPUs get turns of different lengths
# (measured: up to 30.3% off).
sub smp_fair_tolerance
{
  my @output = read_output ();
  my $several = grep { /^hv: (\d+) CPUs: / && $1 > 1 } @output;
  return !$several ? 15 : smp_on_bochs () ? 20 : 40;
}

# Returns the lines "(NAME) REST" that test NAME printed, as the list
# of the REST parts that match the regular expression PATTERN.
sub smp_lines
{
  my ($name, $pattern) = @_;
  return grep { /$pattern/ } map { /^\(\Q$name\E\) (.*)$/ ? $1 : () } read_output ();
}

1;
