# -*- perl -*-
# 8 CPU-bound guest kernel threads on 4 VCPUs for 200 ticks: every
# thread's work is within 20% of the average (each runs half the
# time, in slices of 2 ticks: some 50 turns in 200 ticks), and no VCPU is idle at more than 10% of its ticks.
use strict;
use warnings;
use tests::tests;
use tests::sched::tier2;
my @lines = tier2_lines ('kthread-fair-4');
tier2_check_vcpus (\@lines, 4);
my $spread = tier2_check_shares (\@lines, 8, 20);
my @vcpus = tier2_vcpu_stats (\@lines);
fail ("Statistics for " . scalar (@vcpus) . " VCPUs instead of 4.") if @vcpus != 4;
tier2_check_busy (\@vcpus, 10);
pass ($spread);
