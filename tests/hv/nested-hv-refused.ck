# -*- perl -*-
# The hv lab's kernel as a guest of the hv: SVM is hidden from guests,
# so its own hv refuses to load, with the message it gives on a CPU
# without SVM, and the guest runs on without it and powers off.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;

my @output = read_output ();
my @guest = nested_guest_lines ('ringlet-hv', @output);
fail ("The guest printed nothing: no 'ringlet-hv| ' line in the output.")
  unless @guest;
my $refusal = 'hv: not loading: this CPU has no SVM (AMD-V): CPUID 8000_0001 ECX bit 2 is clear';
grep { $_ eq $refusal } @guest
  or fail ("The guest's hv did not refuse to load with the usual message; expected:",
           "  $refusal", "The guest printed:", map { "  $_" } @guest);
grep { /^Ringlet booting with / } @guest
  or fail ("The guest kernel did not boot.");
grep { $_ eq 'Powering off...' } @guest
  or fail ("The guest kernel did not power off.");
check_host ('ringlet-hv', 'ringlet-hv.bin', 0, @output);
pass;
