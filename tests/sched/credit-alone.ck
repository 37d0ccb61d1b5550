# -*- perl -*-
# An uncapped VM alone gets at least 98% of the CPU (work conserving):
# the rest is the host's interrupt handling and the hv's own work at
# each tick.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-alone');
credit_at_least ('the lone VM\'s share of the CPU',
                 credit_figure ('alone: vm 1'), 98);
credit_done ();
