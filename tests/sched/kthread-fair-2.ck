# -*- perl -*-
# 4 CPU-bound guest kernel threads on 2 VCPUs for 200 ticks: every
# thread's work is within 20% of the average (each runs half the
# time, in slices of 2 ticks: some 50 turns in 200 ticks), and no VCPU is idle at more than 10% of its ticks.
use strict;
use warnings;
use tests::tests;
use tests::sched::tier2;
my @lines = tier2_lines ('kthread-fair-2');
tier2_check_vcpus (\@lines, 2);
my $spread = tier2_check_shares (\@lines, 4, 20);
my @vcpus = tier2_vcpu_stats (\@lines);
fail ("Statistics for " . scalar (@vcpus) . " VCPUs instead of 2.") if @vcpus != 2;
tier2_check_busy (\@vcpus, 10);
pass ($spread);
