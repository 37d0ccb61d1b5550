# -*- perl -*-
# Lock-holder preemption beside two CPU-hog VMs.  Without the
# mitigation, waiters must have spun for a preempted holder (some
# acquisitions contended, and a wait per acquisition of at least
# 10,000 cycles on average); with directed yield, the spinners must
# have yielded to the holder's VCPU, and the average wait per
# acquisition must be at most 70% of the wait without it.
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
for my $f (tier2_figures (\@lines, qr/^(spinning only|directed yield): wait cycles per acquisition (\d+)$/, 'wait figures'))
  {
    $run{$f->[0]}{wait} = $f->[1];
  }
my ($spin, $yield) = @run{'spinning only', 'directed yield'};
fail ("The guest did not report both runs.")
  unless defined $spin && defined $yield && defined $spin->{wait} && defined $yield->{wait};
fail ("Without the mitigation no acquisition had to wait: the lock holder was never preempted.")
  if $spin->{contended} == 0 || $spin->{wait} < 10000;
fail ("Without the mitigation the spinners yielded $spin->{yields} times.")
  if $spin->{yields} != 0;
fail ("With the mitigation the spinners never yielded to the lock holder.")
  if $yield->{yields} == 0;
my $ratio = $yield->{wait} / $spin->{wait};
fail (sprintf ("With directed yield the wait per acquisition is %d cycles, %.0f%% of"
               . " the %d cycles without: the mitigation must cut it to 70%% or less.",
               $yield->{wait}, $ratio * 100, $spin->{wait}))
  if $ratio > 0.7;
pass (sprintf ("wait per acquisition %d cycles spinning only, %d with directed yield"
               . " (%.0f%%); acquisitions %d and %d",
               $spin->{wait}, $yield->{wait}, $ratio * 100,
               $spin->{acquisitions}, $yield->{acquisitions}));
