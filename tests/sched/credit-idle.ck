# -*- perl -*-
# VCPUs that halt consume nothing: a VM of four halted VCPUs (one waking
# every 50 ticks) uses under 0.1% of the CPU, and the hog beside it gets
# at least 98%.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-idle');
credit_at_most ("the idle VM's share", credit_figure ('idle VM: vm 1'), 0.1);
credit_at_least ("the hog's share", credit_figure ('hog: vm 2'), 98);
credit_done ();
