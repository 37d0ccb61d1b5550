# -*- perl -*-
# 8 CPU-bound guest kernel threads on 4 VCPUs for 200 ticks: each
# thread runs at a number of its VCPU's timer ticks within 15% of the
# average (each should run half the time, in slices of 2 ticks: some
# 50 turns in 200 ticks), and together they use at least 90% of the
# VCPUs' ticks (none idles while threads wait elsewhere).
# On several CPUs the tolerance is 20% on Bochs, 40% on QEMU
# (smp_fair_tolerance, tests/sched/smp.pm).
use strict;
use warnings;
use tests::tests;
use tests::sched::tier2;
use tests::sched::smp;
my @lines = tier2_lines ('kthread-fair-4');
tier2_check_vcpus (\@lines, 4);
pass (tier2_check_shares (\@lines, 8, 4, smp_fair_tolerance (), 90));
