# -*- perl -*-
# VMs with VCPUs on all 4 CPUs end while they run: one is killed, the
# others are stopped by "rmmod hv".  Every page the hv took after it
# was loaded comes back.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-rmmod');
credit_near ('CPUs that ran VCPUs', credit_figure (''), 4, 0);
for my $line ('the 4-VCPU hog is gone, the others run on',
              'rmmod hv with VMs running: done')
  {
    fail ("missing line: (smp-rmmod) $line")
      unless smp_lines ('smp-rmmod', qr/^\Q$line\E$/);
  }
credit_done ();
