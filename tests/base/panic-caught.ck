# -*- perl -*-
# Checks that a deliberate kernel panic is reported the way students
# need it: the test's own lines up to the panic and no further, one
# "Kernel PANIC at FILE:LINE in FUNCTION(): MESSAGE" line naming the
# line the test announced, a call stack, and the harness decoding that
# stack into the three functions of the test, innermost first.  The
# kernel does not power off after a panic (the launcher's -k stops
# it), so no "Powering off..." is required; a hang, a reboot or a
# triple fault still fails.
use strict;
use warnings;
use tests::tests;

my @output = read_output ();
common_checks ({ ALLOW_PANIC => 1 }, 'run', @output);
my @report = panic_report (@output);
fail ("The kernel did not panic.") unless @report;

# The test's lines: it announces the line of its PANIC, then dies.
my ($line) = map { /^\(panic-caught\) panicking on line (\d+), 3 calls deep$/ }
             @output;
fail ("The test never announced the line it panics on.") unless defined $line;
compare_output ('run', [get_core_output ('run', @output)], [<<"EOF"]);
(panic-caught) begin
(panic-caught) panicking on line $line, 3 calls deep
EOF

# The panic line: this file, the announced line, the function, the
# message.  The path may carry the build's source folder in front.
my @panics = grep { /Kernel PANIC/ } @output;
fail ("The kernel panicked " . @panics . " times, not once:", @panics)
  unless @panics == 1;
fail ("The panic line does not name the test's file, line $line, function and "
      . "message:", "  $panics[0]")
  unless $panics[0] =~ m{^Kernel\ PANIC\ at\ (?:\S*/)?tests/base/panic-caught\.c:$line
                         \ in\ panic_caught_deliberately\(\):
                         \ deliberate\ panic,\ 3\ calls\ deep$}x;

# The call stack, and its translation into the test's functions.
fail ("The panic printed no call stack.")
  unless grep { /^Call stack:( 0x[0-9a-f]+){3,}\.?$/ } @output;
my @frames = grep { /^  / } @report;
my @chain = qw(panic_caught_deliberately panic_caught_middle panic_caught_test);
my @found = grep { my $f = $_; grep { /\b$f\b/ } @frames } @chain;
fail ("The decoded call stack lacks "
      . join (', ', grep { my $f = $_; !grep { $_ eq $f } @found } @chain) . ":",
      @report)
  unless @found == @chain;
my @order = map { my $f = $_; (grep { $frames[$_] =~ /\b$f\b/ } 0 .. $#frames)[0] }
            @chain;
fail ("The decoded call stack lists the test's functions out of order:", @report)
  unless $order[0] < $order[1] && $order[1] < $order[2];
pass;
