# -*- perl -*-
# A token passed 300 times round 4 VCPUs with IPIs, while hogs keep
# every CPU busy: the ring must complete (1,200 passes), so no wake-up
# was lost and no VCPU ran on two CPUs at once (the hv would have
# ended the VM), and the VCPUs must really have moved: steals and
# migrations happened meanwhile.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-stress');
my @killed = smp_lines ('smp-stress', qr/^ring: killed/);
fail ("the hv ended the ring: $killed[0]") if @killed;
credit_near ('passes of the token', credit_figure ('ring: the token passed'),
             1200, 0);
credit_at_least ('wake-ups of the ring', credit_figure ('ring:'), 100);
credit_at_least ('steals', credit_figure ('meanwhile:'), 1);
credit_at_least ('migrations', credit_figure ('meanwhile: \d+ steals,'), 1);
credit_done ();
