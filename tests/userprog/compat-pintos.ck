# -*- perl -*-
# Pintos compatibility mode (launcher --pintos, kernel -pintos): the
# only boot banner is Pintos's, "Pintos booting with N kB RAM..." with
# N grouped by commas, and a process the kernel kills, for a system
# call or for a fault, prints its exit line and nothing else.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();

my @banners = grep { /booting with/ } @output;
fail ("Expected one boot banner, 'Pintos booting with N kB RAM...' (N with commas "
      . "between groups of three digits), but the banners were:",
      @banners ? map { "  $_" } @banners : '  (none)')
  unless @banners == 1
         && $banners[0] =~ /^Pintos booting with \d{1,3}(?:,\d{3})* kB RAM\.\.\.$/;
fail ("The kernel command line does not start with -pintos: the launcher's --pintos "
      . "did not pass it.")
  unless grep { /^Kernel command line: -pintos / } @output;

# The common checks (panic, reboot, timeout, power-off) look for
# Ringlet's banner; the one banner has been checked above, so they are
# shown it in Ringlet's words.
my @as_ringlet = map { s/^Pintos booting with (\S+) kB /Ringlet booting with $1 KiB /r } @output;
common_checks ('run', @as_ringlet);

# Every line between "Executing" and "Execution ... complete", kernel
# lines included: a "killed:" line or any other would fail here.
compare_output ('run', ALL_LINES => 1, [get_core_output ('run', @output)], [<<'EOT']);
(compat-pintos) begin
(child-bad) run
child-bad: exit(-1)
(compat-pintos) wait(exec("child-bad")): -1
compat-pintos: exit(-1)
EOT
pass;
