# -*- perl -*-
# On a CPU with no SVM at all (launcher option --cpu nosvm), insmod hv.ko is
# refused with the reason, and the kernel runs on without the hv.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
common_checks ('run', @output);
grep { $_ eq 'hv: not loading: this CPU has no SVM (AMD-V): CPUID 8000_0001 ECX bit 2 is clear' } @output
  or fail ("The hv did not say why it refused to load; expected:",
           "  hv: not loading: this CPU has no SVM (AMD-V): CPUID 8000_0001 ECX bit 2 is clear");
grep { $_ eq "insmod: hv.ko: init of module 'hv' failed (error -1)" } @output
  or fail ("insmod did not report the refused init.");
check_expected ([<<'END']);
(hv-nosvm) begin
(hv-nosvm) module hv loaded: no
(hv-nosvm) EFER.SVME clear
(hv-nosvm) creating a VM: no hypervisor loaded (insmod hv first)
(hv-nosvm) end
END
pass;
