# -*- perl -*-
# Three CPU-bound guest kernel threads on two VCPUs for 200 ticks.
# Whichever VCPU holds one thread finds its run queue empty when that
# thread's slice ends, and must take the thread waiting on the other
# VCPU: then each thread runs at 2/3 of the ticks of a VCPU, within
# 15% of the average, and together they use at least 90% of the
# VCPUs' ticks.  Without taking work, one thread would get twice the
# others' share.  Both VCPUs must have taken threads from the other.
# On several CPUs the tolerance is 20% on Bochs, 40% on QEMU
# (smp_fair_tolerance, tests/sched/smp.pm).
use strict;
use warnings;
use tests::tests;
use tests::sched::tier2;
use tests::sched::smp;
my @lines = tier2_lines ('kthread-steal');
tier2_check_vcpus (\@lines, 2);
my $shares = tier2_check_shares (\@lines, 3, 2, smp_fair_tolerance (), 90);
my @vcpus = tier2_vcpu_stats (\@lines);
for my $id (0 .. 1)
  {
    fail ("VCPU $id never took a thread from the other VCPU.")
      unless defined $vcpus[$id] && $vcpus[$id]{steals} > 0;
  }
pass ("$shares; steals $vcpus[0]{steals} and $vcpus[1]{steals}");
