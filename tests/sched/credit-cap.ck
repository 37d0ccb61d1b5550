# -*- perl -*-
# A VM capped at 25% (weight 1024) gets no more than 25% plus one tick
# (10 ms) over a window of 120 ticks (0.8 points), whether it is alone
# (the CPU then idles) or beside two uncapped hogs of weights 256 and
# 512; and it does get its 25% (at least 23%).  Its weight would give
# it 57%: what it cannot use goes to the hogs by their weights, 25% and
# 50% of the CPU (within 2 points each).
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-cap');
for my $when ('capped alone', 'capped beside two hogs')
  {
    my $share = credit_figure ("$when: vm 1");
    credit_at_most ("the capped VM's share ($when)", $share, 25 + 100 / 120);
    credit_at_least ("the capped VM's share ($when)", $share, 23);
  }
credit_near ("the weight-256 hog's share",
             credit_figure ('capped beside two hogs: vm 2'), 25, 2);
credit_near ("the weight-512 hog's share",
             credit_figure ('capped beside two hogs: vm 3'), 50, 2);
credit_done ();
