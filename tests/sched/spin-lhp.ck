# -*- perl -*-
# Lock-holder preemption beside two CPU-hog VMs.  Without the
# mitigation, waiters must have spun for a preempted holder: some
# acquisitions contended, and at least 100 PAUSE spins per acquisition
# on average.  With directed yield, the spinners must have yielded to
# the holder's VCPU, and the spins per acquisition (the CPU time the
# spinners throw away) must be at most half of those without it.  The
# wait per acquisition in cycles is reported, not judged: most of it
# is the hogs' time, which no guest can save.
use strict;
use warnings;
use tests::tests;
use tests::sched::tier2;
my @lines = tier2_lines ('spin-lhp');
tier2_check_vcpus (\@lines, 2);
my %run;
for my $f (tier2_figures (\@lines, qr/^(spinning only|directed yield): acquisitions (\d+), contended (\d+), directed yields (\d+)$/, 'lock figures'))
  {
    $run{$f->[0]} = { acquisitions => $f->[1], contended => $f->[2], yields => $f->[3] };
  }
for my $f (tier2_figures (\@lines, qr/^(spinning only|directed yield): per acquisition, wait cycles (\d+), spins (\d+)$/, 'wait figures'))
  {
    @{$run{$f->[0]}}{qw(wait spins)} = ($f->[1], $f->[2]);
  }
my ($spin, $yield) = @run{'spinning only', 'directed yield'};
fail ("The guest did not report both runs.")
  unless defined $spin && defined $yield && defined $spin->{spins} && defined $yield->{spins};
fail ("Without the mitigation no acquisition had to wait long"
      . " ($spin->{contended} contended, $spin->{spins} spins per acquisition):"
      . " the lock holder was never preempted.")
  if $spin->{contended} == 0 || $spin->{spins} < 100;
fail ("Without the mitigation the spinners yielded $spin->{yields} times.")
  if $spin->{yields} != 0;
fail ("With the mitigation the spinners never yielded to the lock holder.")
  if $yield->{yields} == 0;
my $ratio = $yield->{spins} / $spin->{spins};
fail (sprintf ("With directed yield the spinners spun %d times per acquisition, %.0f%%"
               . " of the %d without: the mitigation must halve it at least.",
               $yield->{spins}, $ratio * 100, $spin->{spins}))
  if $ratio > 0.5;
pass (sprintf ("per acquisition: %d spins and %d wait cycles spinning only, %d spins"
               . " (%.0f%%) and %d wait cycles with directed yield; acquisitions %d and %d",
               $spin->{spins}, $spin->{wait}, $yield->{spins}, $ratio * 100,
               $yield->{wait}, $spin->{acquisitions}, $yield->{acquisitions}));
