# -*- perl -*-
# A reset request restarts a VM created with +restarts=1: the threads
# kernel, told to reboot when done (-r), boots and runs alarm-zero
# twice, fresh each time; its second reset ends the VM with the
# reason; every page comes back.
use strict;
use warnings;
use tests::tests;
use tests::hv::nested;

my @output = read_output ();
my @guest = nested_guest_lines ('ringlet-threads', @output);
my $boots = grep { /^Ringlet booting with / } @guest;
fail ("The guest booted $boots time(s), not twice.") unless $boots == 2;
my $runs = grep { $_ eq '(alarm-zero) end' } @guest;
fail ("alarm-zero ran to its end $runs time(s) in the guest, not twice.")
  unless $runs == 2;
my $restart = "hv: vm 1 'ringlet-threads': reset requested: restarting (0 more restarts allowed)";
grep { $_ eq $restart } @output
  or fail ("The hv did not say it restarted the VM; expected:", "  $restart");
common_checks ('run', nested_host_lines (@output));
compare_output ('run', [get_core_output ('run', nested_host_lines (@output))],
                [<<'END']);
(multiboot-restart) begin
(multiboot-restart) vm killed: reset requested through the keyboard controller
(multiboot-restart) end
END
pass;
