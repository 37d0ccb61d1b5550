# tests::tests -- the shared half of every test checker (.ck file).
#
# "make check" runs each test's checker as
#     perl -I$(SRCDIR) $(SRCDIR)/tests/LAB/NAME.ck tests/LAB/NAME tests/LAB/NAME.result
# in the build folder.  This module reads the run's output
# (tests/LAB/NAME.output, and the launcher's messages in .errors),
# offers the checks below, and writes the result file: its first line
# is PASS or FAIL, the lines after it say why.
#
# A typical checker:
#     use strict;
#     use warnings;
#     use tests::tests;
#     check_expected ([<<'EOF']);
#     (alarm-zero) begin
#     (alarm-zero) PASS
#     (alarm-zero) end
#     EOF
#     pass;
#
# What a checker can use (all exported):
#   $test                   the test's path without extension, e.g. "tests/threads/alarm-zero"
#   check_expected (\@alternatives, OPTION => VALUE...)
#   check_expected (OPTION => VALUE..., \@alternatives)
#                           reads the output, runs common_checks and
#                           compare_output; fails with a readable diff
#                           against the closest alternative
#   read_output ()          the run's output lines
#   read_text_file ($file)  a file's lines, without line ends
#   common_checks ($run, @output)
#                           fails if the kernel did not start, rebooted,
#                           triple-faulted, panicked, timed out, did not
#                           power off or print its tick count
#   get_core_output ($run, @output)
#                           the lines the kernel's actions printed
#   compare_output ($run, OPTION => VALUE..., \@output, \@alternatives)
#                           fails unless the output matches one of the
#                           alternatives; returns the index of the one it
#                           matches
#   test_lines (\%options, @lines)
#                           the lines compare_output compares
#   panic_report (@output)  the panic's lines and the decoded call stack
#                           (empty list without a panic)
#   pass ($message)         writes PASS (and an optional note), exits
#   fail (@message)         writes FAIL and the message, exits
#
# Options of check_expected and compare_output:
#   ALL_LINES => 1          compare every line of the core output, kernel
#                           messages included (but for the announcements
#                           of block devices, printed wherever the disks
#                           are first used).  Without it, only test
#                           lines, "(NAME) ...", and user-program exit
#                           lines, "NAME: exit(N)", are compared, so
#                           kernel chatter never fails a test.
#   IGNORE_KERNEL_OUTPUT => 1
#                           accepted and ignored: it is the default.
#   IGNORE_EXIT_CODES => 1  leave "NAME: exit(N)" lines out of both sides.
#   IGNORE_USER_FAULTS => 1 with ALL_LINES, leave the kernel's messages
#                           about faulting user programs out of the output.
#   ALLOW_PANIC => 1        (common_checks via check_expected) a panic is
#                           part of the expected behaviour: do not fail on
#                           it, nor on the missing lines it causes.
package tests::tests;

use strict;
use warnings;
use File::Basename qw(dirname);
use Cwd qw(abs_path);
use Exporter qw(import);

our @EXPORT = qw($test check_expected read_output read_text_file common_checks
                 get_core_output compare_output test_lines panic_report pass fail);

our ($test, $result_file) = @ARGV;
unless (defined $test && defined $result_file)
  {
    print STDERR "usage: perl -I SRCDIR TEST.ck TEST TEST.result (run by make check)\n";
    exit 2;
  }

# The top of the source tree: this file is tests/tests.pm in it.
my $srcdir = dirname (dirname (abs_path (__FILE__)));

# True once the result file has been written.
my $result_written;

# Lines in which the launcher reports the end of a run, from .errors.
my @launcher_messages;

# A user program's exit line, and the kernel's messages about a user
# program that faulted (left out by IGNORE_USER_FAULTS).
my $exit_line = qr/^\S+: exit\(-?\d+\)$/;
my $user_fault_line = qr/^(?:Page fault at |\S+: dying due to interrupt )/;

# The block layer's announcements of the disks, partitions and roles
# it found.  Disks are probed on first use, which can fall inside an
# action (a module test reading the scratch partition), so ALL_LINES
# comparisons leave these lines out.
my $device_line = qr/^(?:hd[a-z]\d*: [\d,]+ sectors \(|(?:kernel|filesys|scratch|swap): using \S+$)/;

# A die anywhere in a checker becomes a FAIL with the checker's error,
# so that a broken .ck never passes and never goes unnoticed.
$SIG{__DIE__} = sub {
  return if $^S;
  my $error = shift;
  chomp $error;
  write_result ('FAIL', "The checker $test.ck itself failed: $error");
  exit 1;
};

END
  {
    write_result ('FAIL', "The checker $test.ck ended without calling pass or fail.")
      unless $result_written;
  }

# Writes the result file: VERDICT (PASS or FAIL), then LINES.
sub write_result
{
  my ($verdict, @lines) = @_;
  return if $result_written;
  $result_written = 1;
  open (my $fh, '>', $result_file) or do
    {
      print STDERR "$result_file: cannot write: $!\n";
      return;
    };
  print $fh "$verdict\n";
  print $fh map { "$_\n" } map { split /\n/ } @lines;
  close $fh;
}

# Records that the test passed, with an optional note MESSAGE, and ends
# the checker.
sub pass
{
  my ($message) = @_;
  write_result ('PASS', defined $message ? $message : ());
  exit 0;
}

# Records that the test failed because of MESSAGE (one or more lines)
# and ends the checker.
sub fail
{
  my (@message) = @_;
  @message = ('The test failed (no reason given).') unless @message;
  write_result ('FAIL', @message);
  exit 1;
}

# Returns the lines of FILE without their line ends (and without the
# carriage returns a serial console may add).  Fails the test if FILE
# cannot be read.
sub read_text_file
{
  my ($file) = @_;
  open (my $fh, '<', $file) or fail ("Cannot read $file: $!");
  my @lines = map { s/\r?\n\z//r =~ s/\r\z//r } <$fh>;
  close $fh;
  return @lines;
}

# Returns the run's output lines, $test.output, and loads the launcher's
# messages from $test.errors for the common checks.
sub read_output
{
  fail ("There is no $test.output: the test did not run.") unless -e "$test.output";
  @launcher_messages = -e "$test.errors" ? read_text_file ("$test.errors") : ();
  return read_text_file ("$test.output");
}

# Returns the launcher's messages (from .errors) matching PATTERN.
sub launcher_says
{
  my ($pattern) = @_;
  return grep { /$pattern/ } @launcher_messages;
}

# Returns the decoded call stack for CALL_STACK_LINE as lines, using
# utils/backtrace on kernel.o in the build folder.
sub decode_call_stack
{
  my ($call_stack_line) = @_;
  return ('(kernel.o is not in the build folder: cannot decode the call stack)')
    unless -f 'kernel.o';
  open (my $pipe, '-|', $^X, "$srcdir/utils/backtrace", '-e', 'kernel.o', $call_stack_line)
    or return ("(cannot run utils/backtrace: $!)");
  my @frames = map { s/\n\z//r } <$pipe>;
  close $pipe;
  return @frames;
}

# Returns lines describing the panic in OUTPUT: any failure the test
# reported, the panic line(s), each call stack and its translation into
# functions.  Returns an empty list if the kernel did not panic.
sub panic_report
{
  my (@output) = @_;
  my @panics = grep { /Kernel PANIC/ } @output;
  return () unless @panics;
  my @report = grep { /^\([^)]+\) .*: FAILED$/ } @output;
  for my $line (@output)
    {
      if ($line =~ /Kernel PANIC/)
        {
          push @report, $line =~ s/^.*?(Kernel PANIC)/$1/r;
        }
      elsif ($line =~ /(Call stack:.*)/)
        {
          my $stack = $1;
          push @report, $stack, 'Translation of the call stack:',
                        map { "  $_" } decode_call_stack ($stack);
        }
    }
  return @report;
}

# Returns the last lines of OUTPUT before its TIMEOUT line (at most
# ten), under a heading, as lines: what the kernel did last.
sub timeout_tail
{
  my (@output) = @_;
  my ($end) = grep { $output[$_] =~ /^TIMEOUT after / } 0 .. $#output;
  my $start = $end > 10 ? $end - 10 : 0;
  return ('The output ended with no line before the timeout.') if $end == 0;
  return ("The last lines of the output before the timeout:",
          map { "  $_" } @output[$start .. $end - 1]);
}

# Fails the test RUN (e.g. "run") with OUTPUT if the run went wrong in
# a way every test cares about.  With ALLOW_PANIC, a panic is expected.
sub common_checks
{
  my $options = ref $_[0] eq 'HASH' ? shift : {};
  my ($run, @output) = @_;

  fail ("The $run produced no output at all.", launcher_says ('.')) unless @output;

  my $banners = grep { /Ringlet booting with / } @output;
  fail ("The kernel did not start: the output has no 'Ringlet booting with' banner.",
        launcher_says ('.'))
    unless $banners;

  my @triple = (launcher_says ('triple fault'),
                grep { /3rd \(\d+\) exception with no resolution|Triple fault/ } @output);
  fail ("The simulated CPU triple-faulted: an exception occurred while the CPU could not "
        . "even deliver a double fault (bad IDT, GDT, TSS or kernel stack?).", @triple)
    if @triple;

  fail ("The kernel booted $banners times: the machine rebooted during the $run "
        . "(a triple fault or a reset).")
    if $banners > 1;

  my @panic = panic_report (@output);
  fail ("The kernel panicked during the $run:", @panic) if @panic && !$options->{ALLOW_PANIC};

  my ($timeout) = grep { /^TIMEOUT after / } @output;
  fail ("The $run did not finish: $timeout.  The kernel was still running, or waiting "
        . "for something that never happened (endless loop, deadlock, lost wake-up?).",
        timeout_tail (@output))
    if defined $timeout;

  return if @panic;
  fail ("The kernel did not power off: no 'Powering off...' line at the end.",
        launcher_says ('.'))
    unless grep { /^Powering off\.\.\.$/ } @output;
  fail ("The kernel did not print its tick count: no 'Timer: N ticks' line.")
    unless grep { /^Timer: \d+ ticks$/ } @output;
}

# Returns the lines of OUTPUT that the kernel's actions printed: those
# after the first "Executing '...':" line (or after "Boot complete."
# when no action ran) and before the last "Execution of '...'
# complete." line (or the end of the output).  Fails if the kernel
# never finished booting or an action never completed.
sub get_core_output
{
  my ($run, @output) = @_;
  my ($first) = grep { $output[$_] =~ /^Executing '.*':$/ } 0 .. $#output;
  ($first) = grep { $output[$_] eq 'Boot complete.' } 0 .. $#output unless defined $first;
  fail ("The kernel did not finish booting: no 'Boot complete.' line.") unless defined $first;

  my ($last) = reverse grep { $output[$_] =~ /^Execution of '.*' complete\.$/ } 0 .. $#output;
  my ($action) = $output[$first] =~ /^Executing '(.*)':$/;
  if (defined $action && (!defined $last || $last < $first))
    {
      return @output[$first + 1 .. $#output] if grep { /Kernel PANIC/ } @output;
      fail ("The action '$action' never completed: no \"Execution of '$action' complete.\" line.");
    }
  $last = @output unless defined $last;
  return @output[$first + 1 .. $last - 1];
}

# Returns the lines of LINES that compare_output compares under
# OPTIONS (a hash reference; see the top of this file).
sub test_lines
{
  my ($options, @lines) = @_;
  if ($options->{ALL_LINES})
    {
      @lines = grep { !/$device_line/ } @lines;
      @lines = grep { !/$user_fault_line/ } @lines if $options->{IGNORE_USER_FAULTS};
    }
  else
    {
      @lines = grep { /^\([^)]+\)/ || /$exit_line/ } @lines;
    }
  @lines = grep { !/$exit_line/ } @lines if $options->{IGNORE_EXIT_CODES};
  return @lines;
}

# Returns the longest common subsequence of line lists A and B as a
# list of [INDEX-IN-A, INDEX-IN-B] pairs, by the textbook dynamic
# program over suffixes.
sub common_lines
{
  my ($a, $b) = @_;
  my ($n, $m) = (scalar @$a, scalar @$b);
  my @length = map { [(0) x ($m + 1)] } 0 .. $n;
  for my $i (reverse 0 .. $n - 1)
    {
      for my $j (reverse 0 .. $m - 1)
        {
          $length[$i][$j] = $a->[$i] eq $b->[$j] ? $length[$i + 1][$j + 1] + 1
                          : $length[$i + 1][$j] >= $length[$i][$j + 1] ? $length[$i + 1][$j]
                          : $length[$i][$j + 1];
        }
    }
  my @pairs;
  my ($i, $j) = (0, 0);
  while ($i < $n && $j < $m)
    {
      if ($a->[$i] eq $b->[$j]) { push @pairs, [$i++, $j++] }
      elsif ($length[$i + 1][$j] >= $length[$i][$j + 1]) { $i++ }
      else { $j++ }
    }
  return @pairs;
}

# Returns a diff of EXPECTED against ACTUAL (line lists) as lines:
# "  " for a line in both, "- " for an expected line that is missing,
# "+ " for an actual line that was not expected.  Runs of more than six
# matching lines are shortened to their ends.  In list context also
# returns, first, the number of differing lines.
sub diff_lines
{
  my ($expected, $actual) = @_;
  my @marked;
  my ($i, $j) = (0, 0);
  # The last pair is a sentinel past both ends that flushes the rest.
  for my $pair (common_lines ($expected, $actual), [scalar @$expected, scalar @$actual])
    {
      my ($next_i, $next_j) = @$pair;
      push @marked, ['-', $expected->[$i++]] while $i < $next_i;
      push @marked, ['+', $actual->[$j++]] while $j < $next_j;
      next if $next_i == @$expected;
      push @marked, [' ', $expected->[$i]];
      ($i, $j) = ($i + 1, $j + 1);
    }
  my $changes = grep { $_->[0] ne ' ' } @marked;

  my @lines;
  for my $k (0 .. $#marked)
    {
      my ($mark, $text) = @{$marked[$k]};
      my $near = grep { $_ >= 0 && $_ <= $#marked && $marked[$_][0] ne ' ' } $k - 3 .. $k + 3;
      if ($mark ne ' ' || $near)
        {
          push @lines, "$mark $text";
        }
      elsif (!@lines || $lines[-1] ne '  ...')
        {
          push @lines, '  ...';
        }
    }
  return ($changes, @lines);
}

# Fails the test RUN unless OUTPUT (a list reference of core-output
# lines) matches one of ALTERNATIVES (a list reference of multi-line
# strings, or a hash reference from names to such strings) under
# OPTIONS (see the top of this file).  On a mismatch the failure shows
# a diff against the closest alternative.  Returns the index (or name)
# of the alternative that matched.
sub compare_output
{
  my ($run, @rest) = @_;
  my $alternatives = pop @rest;
  my $output = pop @rest;
  my %options = @rest;

  my %expected = ref $alternatives eq 'HASH' ? %$alternatives
               : map { ($_ => $alternatives->[$_]) } 0 .. $#$alternatives;
  die "compare_output: no expected output given\n" unless %expected;
  my @actual = test_lines (\%options, @$output);

  my ($best, @best_diff, $best_changes);
  for my $key (sort keys %expected)
    {
      my @wanted = split /\n/, $expected{$key};
      @wanted = grep { !/$exit_line/ } @wanted if $options{IGNORE_EXIT_CODES};
      my ($changes, @diff) = diff_lines (\@wanted, \@actual);
      return $key if $changes == 0;
      ($best, $best_changes, @best_diff) = ($key, $changes, @diff)
        if !defined $best_changes || $changes < $best_changes;
    }
  my $which = keys %expected > 1 ? " (closest of " . keys (%expected) . " allowed outputs)" : '';
  fail ("The ${run}'s output differs from what was expected$which.",
        "Lines marked - were expected but are missing, lines marked + were not expected:",
        @best_diff);
}

# Checks the test's output against the expected output, the way most
# checkers do: reads the output, runs the common checks, takes the core
# output and compares it.  Takes the alternatives (a list reference)
# and options in either order; see the top of this file.
sub check_expected
{
  my (@args) = @_;
  my $alternatives = ref $args[0] ? shift @args : pop @args;
  my %options = @args;
  my @output = read_output ();
  common_checks ({ ALLOW_PANIC => $options{ALLOW_PANIC} }, 'run', @output);
  delete $options{ALLOW_PANIC};
  compare_output ('run', %options, [get_core_output ('run', @output)], $alternatives);
}

1;
