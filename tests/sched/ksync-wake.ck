# -*- perl -*-
# Two threads on two VCPUs hand a token back and forth 200 times each
# through semaphores.  Every round must complete; at least half of the
# 400 wake-ups must go to a thread queued on the other VCPU (remote
# wake-ups, counted by the waker); at least 40 wake-up IPIs must have
# arrived (a VCPU that halted got the IPI and ran the woken thread),
# and no more than were sent.
use strict;
use warnings;
use tests::tests;
use tests::sched::tier2;
my @lines = tier2_lines ('ksync-wake');
tier2_check_vcpus (\@lines, 2);
my ($rounds) = tier2_figures (\@lines, qr/^rounds: (\d+) pings, (\d+) pongs$/, 'round counts');
fail ("Only $rounds->[0] pings and $rounds->[1] pongs of 200 each.")
  if $rounds->[0] != 200 || $rounds->[1] != 200;
my %threads = tier2_thread_stats (\@lines);
my $remote = 0;
for my $name (qw(pinger ponger))
  {
    fail ("No statistics for thread $name.") unless defined $threads{$name};
    $remote += $threads{$name}{remote_wakeups};
  }
fail ("Only $remote of the 400 wake-ups went to another VCPU; at least 200 must.")
  if $remote < 200;
my @vcpus = tier2_vcpu_stats (\@lines);
my ($sent, $received) = (0, 0);
for my $v (@vcpus)
  {
    $sent += $v->{ipis_sent};
    $received += $v->{ipis_received};
  }
fail ("Only $received wake-up IPIs arrived ($sent sent); at least 40 must.")
  if $received < 40;
fail ("$received wake-up IPIs arrived but only $sent were sent.")
  if $received > $sent;
pass ("$remote remote wake-ups, $sent IPIs sent, $received arrived");
