# -*- perl -*-
# The guest sees the hypervisor bit and Ringlet's leaves, and no SVM.
use strict;
use warnings;
use tests::tests;
check_expected ([<<'EOF']);
(exit-cpuid) begin
(exit-cpuid) leaf 1: hypervisor bit set
(exit-cpuid) leaf 0x40000000: "RingletHyper", highest leaf 0x40000001
(exit-cpuid) leaf 0x40000001: ABI version 4, 100 ticks per second, VCPU 0 of 1
(exit-cpuid) leaf 0x80000001: SVM bit clear
(exit-cpuid) leaf 0x8000000a: all zero
exit-cpuid: exit(0)
(exit-cpuid) end
EOF
pass;
