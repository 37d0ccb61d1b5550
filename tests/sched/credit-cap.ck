# -*- perl -*-
# A VM capped at 25% (weight 1024) gets no more than 25% plus one tick
# (10 ms) over a window of 120 ticks (0.8 points), whether it is alone
# (the CPU then idles) or beside two uncapped hogs of weights 256 and
# 512; and it does get its 25% (at least 22.5%: measured beside the
# hogs, 22.9 to 25.5 over some 30 QEMU runs, the lowest under a loaded
# host, where the disk reads at boot shift the ticks' phase).  By its
# weight it would get 57%: what it cannot use goes to the hogs, split
# 1:2 by their weights.  Each hog's part of what the two got together
# is checked within 3 points of a third and two thirds: the capped VM
# is parked in the middle of periods, and the rest of such a period
# goes round-robin to hogs that may both be out of credit, which pulls
# the split a little towards even (measured over 20 runs: at most 2.3 points).
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-cap');
for my $when ('capped alone', 'capped beside two hogs')
  {
    my $share = credit_figure ("$when: vm 1");
    credit_at_most ("the capped VM's share ($when)", $share, 25 + 100 / 120);
    credit_at_least ("the capped VM's share ($when)", $share, 22.5);
  }
my $light = credit_figure ('capped beside two hogs: vm 2');
my $heavy = credit_figure ('capped beside two hogs: vm 3');
credit_at_least ("the hogs' share together", $light + $heavy, 72);
credit_near ("the weight-256 hog's part of the hogs' time (%)",
             100 * $light / ($light + $heavy), 100 / 3, 3);
credit_done ();
