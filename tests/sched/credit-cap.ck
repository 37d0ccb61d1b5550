# -*- perl -*-
# A VM capped at 25% gets no more than 25% plus one tick (10 ms) over a
# window of 120 ticks (0.8 points), whether it is alone (the CPU then
# idles) or beside an uncapped hog; and it does get its 25% (at least
# 23%).  Beside it, the hog gets the rest (at least 72%).
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-cap');
for my $when ('capped alone', 'capped beside a hog')
  {
    my $share = credit_figure ("$when: vm 1");
    credit_at_most ("the capped VM's share ($when)", $share, 25 + 100 / 120);
    credit_at_least ("the capped VM's share ($when)", $share, 23);
  }
credit_at_least ("the hog's share beside the capped VM",
                 credit_figure ('capped beside a hog: vm 2'), 72);
credit_done ();
