# -*- perl -*-
# Pinned VCPUs run only where they are pinned, among VCPUs that move:
# a 2-VCPU VM with VCPU 0 on cpu 3 and VCPU 1 on cpu 4; then VCPU 0
# is pinned to cpu 2 while it runs; then the VM is unpinned and still
# runs.  Pinning to cpu 0, which runs no VCPUs, or to a CPU the
# machine does not have, is refused.
use strict;
use warnings;
use tests::tests;
use tests::sched::credit;
use tests::sched::smp;

credit_start ('smp-pin');
my @want = ('pinning to cpu 0: invalid argument or guest image',
            'pinning to cpu 5: invalid argument or guest image',
            'pinned to cpu 3: vm 1 vcpu 0: ran on cpus 3',
            'pinned to cpu 4: vm 1 vcpu 1: ran on cpus 4',
            'pinned to cpu 2 while running: vm 1 vcpu 0: ran on cpus 2',
            'still pinned to cpu 4: vm 1 vcpu 1: ran on cpus 4');
for my $line (@want)
  {
    my ($head) = $line =~ /^(.*?): (?:ran|invalid)/;
    my @got = smp_lines ('smp-pin', qr/^\Q$head\E: /);
    fail ("missing line: ($line)") unless @got;
    fail ("expected '$line', found '$got[0]'") unless $got[0] eq $line;
  }
credit_at_least ('the pinned VM\'s run time (us)',
                 credit_figure ('vm 1 ran'), 1);
credit_at_least ('the unpinned VM\'s run time (us)',
                 credit_figure ('unpinned: vm 1 ran'), 1);
credit_done ();
