# -*- perl -*-
# Checks shared by the tests of the hv on several CPUs (tests/hv/smp.c):
# the lines the hv prints as it starts the other CPUs and tests each.
package tests::hv::smp;
use strict;
use warnings;
use tests::tests;
use Exporter 'import';
our @EXPORT = qw(check_smp_loads);

# The self-test's settings (hv/smp-test.c).
use constant PINGS => 20;
use constant TICKS => 50;
# A CPU's timer may be off by this share of the ticks expected: its
# interrupts and the system timer's are counted on different CPUs.
use constant TOLERANCE => 0.1;

# Returns the lines of OUTPUT that match PATTERN.
sub lines_matching
{
  my ($pattern, @output) = @_;
  return grep { /$pattern/ } @output;
}

# Fails unless OUTPUT has exactly COUNT lines matching PATTERN; WHAT
# names them in the message.
sub expect_count
{
  my ($count, $pattern, $what, @output) = @_;
  my @found = lines_matching ($pattern, @output);
  fail ("Expected $count line(s) saying $what, found " . scalar (@found) . ":", @found)
    unless @found == $count;
}

# Checks the output of a run on CPUS CPUs in which the hv loaded LOADS
# times: each time, every CPU but the boot CPU came up with SVM on, its
# own GDT and timer, answered every IPI, counted its timer's interrupts
# within TOLERANCE of the system timer's ticks and ran a guest to its
# HLT exit; and the hv said how many CPUs it runs.
sub check_smp_loads
{
  my ($cpus, $loads, @output) = @_;
  my $others = $cpus - 1;
  expect_count ($loads, qr/^hv: $cpus CPUs: the kernel on cpu 0, $others for guests$/,
                "the hv runs $cpus CPUs", @output);
  expect_count (0, qr/^hv: cpu \d+ .*did not start|^hv: no memory/,
                "a CPU failed to start", @output);
  for my $cpu (1 .. $others)
    {
      expect_count ($loads, qr/^hv: cpu $cpu up: APIC id \d+, timer [1-9]\d* Hz, SVM on$/,
                    "cpu $cpu came up", @output);
      expect_count ($loads, qr/^hv: cpu $cpu: ${\PINGS} of ${\PINGS} IPI round trips$/,
                    "cpu $cpu answered every IPI", @output);
      expect_count ($loads, qr/^hv: cpu $cpu: VMRUN: exit 0x78 \(HLT\) after \d+ entries$/,
                    "cpu $cpu ran its guest to HLT", @output);
      my @ticks = lines_matching (qr/^hv: cpu $cpu: \d+ timer interrupts in/, @output);
      fail ("Expected $loads timer report(s) of cpu $cpu, found " . scalar (@ticks))
        unless @ticks == $loads;
      for (@ticks)
        {
          my ($n) = /: (\d+) timer interrupts in ${\TICKS} ticks/
            or fail ("Unexpected timer report: $_");
          fail ("The timer of cpu $cpu is off by more than ${\(TOLERANCE * 100)}%: $_")
            if abs ($n - TICKS) > TICKS * TOLERANCE;
        }
    }
  expect_count (0, qr/^hv: cpu $cpus\b/, "a CPU beyond the $cpus there are", @output);
}

1;
