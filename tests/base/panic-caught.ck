# -*- perl -*-
# Checks that a deliberate kernel panic is reported the way students
# need it: the test's own lines up to the panic and no further, one
# "Kernel PANIC at FILE:LINE in FUNCTION(): MESSAGE" line naming the
# line the test announced, a call stack, and the harness decoding that
# stack into the three functions of the test, innermost first.  A run
# stopped by the launcher's -k after the panic need not power off; a
# hang, a reboot or a triple fault still fails.
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

# The panic line: the test's file (perhaps with the source folder in
# front), the announced line, the function and the message.
my @panics = grep { /Kernel PANIC/ } @output;
fail ("The kernel panicked " . @panics . " times, not once:", @panics)
  unless @panics == 1;
my $where = qr{(?:\S*/)?tests/base/panic-caught\.c:$line};
my $what = qr{panic_caught_deliberately\(\): deliberate panic, 3 calls deep};
fail ("The panic line does not name the test's file, line $line, "
      . "function and message:", "  $panics[0]")
  unless $panics[0] =~ /^Kernel PANIC at $where in $what$/;

# The call stack, and where each of the test's functions first shows
# in its translation.
fail ("The panic printed no call stack.")
  unless grep { /^Call stack:( 0x[0-9a-f]+){3,}\.?$/ } @output;
my @frames = grep { /^  / } @report;
my @chain = qw(panic_caught_deliberately panic_caught_middle
               panic_caught_test);
my %at;
for my $i (reverse 0 .. $#frames)
  {
    $at{$_} = $i for grep { $frames[$i] =~ /\b$_\b/ } @chain;
  }
my @missing = grep { !defined $at{$_} } @chain;
fail ("The decoded call stack lacks " . join (', ', @missing) . ':', @report)
  if @missing;
fail ("The decoded call stack lists the test's functions out of order:",
      @report)
  unless $at{$chain[0]} < $at{$chain[1]} && $at{$chain[1]} < $at{$chain[2]};
pass;
