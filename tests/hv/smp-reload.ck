# -*- perl -*-
# On 4 CPUs: rmmod parks the other CPUs, turns SVM off and returns
# every page; insmod starts them again, twice over.
use strict;
use warnings;
use tests::tests;
use tests::hv::smp;
check_expected ([<<'END']);
(smp-reload) begin
(smp-reload) rmmod hv: EFER.SVME clear
(smp-reload) round 1: insmod hv.ko done
(smp-reload) rmmod hv: EFER.SVME clear
(smp-reload) round 1: every page back
(smp-reload) round 2: insmod hv.ko done
(smp-reload) rmmod hv: EFER.SVME clear
(smp-reload) round 2: every page back
(smp-reload) end
END
my @output = read_output ();
# The lab's "insmod hv.ko", then the test's two.
check_smp_loads (4, 3, @output);
my $parked = grep { /^hv: other CPUs parked$/ } @output;
fail ("Expected 3 'other CPUs parked' lines, found $parked.") unless $parked == 3;
pass;
