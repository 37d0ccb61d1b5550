# -*- perl -*-
# On a CPU with SVM but no nested paging (launcher option --cpu nonpt), insmod hv.ko is
# refused with the reason, and the kernel runs on without the hv.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
common_checks ('run', @output);
grep { $_ eq 'hv: not loading: this CPU has SVM but no nested paging: CPUID 8000_000A EDX bit 0 is clear' } @output
  or fail ("The hv did not say why it refused to load; expected:",
           "  hv: not loading: this CPU has SVM but no nested paging: CPUID 8000_000A EDX bit 0 is clear");
grep { $_ eq "insmod: hv.ko: init of module 'hv' failed (error -1)" } @output
  or fail ("insmod did not report the refused init.");
check_expected ([<<'END']);
(hv-nonpt) begin
(hv-nonpt) module hv loaded: no
(hv-nonpt) EFER.SVME clear
(hv-nonpt) creating a VM: no hypervisor loaded (insmod hv first)
(hv-nonpt) end
END
pass;
