# -*- perl -*-
# A weight changed while the VMs run takes effect within one accounting
# period: two hogs share 50:50 (within 2 points), then, measured from
# one period after the change to 256:768, 25:75 (within 2 points).
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;

credit_start ('credit-reweight');
credit_near ('vm 1 before', credit_figure ('before: vm 1 share'), 50, 2);
credit_near ('vm 2 before', credit_figure ('before: vm 2 share'), 50, 2);
credit_near ('vm 1 after', credit_figure ('after weight 256:768: vm 1 share'), 25, 2);
credit_near ('vm 2 after', credit_figure ('after weight 256:768: vm 2 share'), 75, 2);
credit_done ();
