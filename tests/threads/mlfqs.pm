# tests::threads::mlfqs -- what the MLFQS tests' checkers share: reading
# the numbers a test printed, a model of the 4.4BSD-style scheduler to
# compare them with, and the comparison, within a stated tolerance.
#
# The model follows the documented rules, in floating point:
#   - every tick, the running thread's recent_cpu grows by 1;
#   - once a second (a tick that is a multiple of 100), first
#       load_avg = 59/60 * load_avg + 1/60 * ready_threads
#     then, for every thread,
#       recent_cpu = 2*load_avg / (2*load_avg + 1) * recent_cpu + nice;
#   - every fourth tick, every thread's priority becomes
#       PRI_MAX - recent_cpu / 4 - 2 * nice, truncated, within 0..63,
#     and a thread whose priority changed goes to the back of its new
#     priority's queue;
#   - the highest-priority ready thread runs; threads of one priority
#     take turns, four ticks each; a thread outranked at a recomputation
#     yields at once.
# The kernel works in 17.14 fixed point, so its numbers differ from the
# model's by rounding: the tolerances in the .ck files cover that, and
# the small freedoms the rules leave (which rounding, when a thread that
# changed priority is moved), with a margin.
package tests::threads::mlfqs;

use strict;
use warnings;
use Exporter qw(import);
use tests::tests;

our @EXPORT = qw(mlfqs_lines mlfqs_take mlfqs_take_all mlfqs_load_model mlfqs_recent_model
                 mlfqs_ticks_model mlfqs_compare mlfqs_check_shares);

use constant PRI_MAX => 63;
use constant TICKS_PER_SECOND => 100;
use constant TIME_SLICE => 4;
use constant PRIORITY_PERIOD => 4;

# Runs the common checks on the output of test NAME and returns the
# texts of its lines "(NAME) TEXT" between "begin" and "end".
sub mlfqs_lines
{
  my ($name) = @_;
  my @output = read_output ();
  common_checks ('run', @output);
  my @lines = map { /^\(\Q$name\E\) (.*)$/ ? $1 : () } get_core_output ('run', @output);
  fail ("The output does not start with \"($name) begin\".")
    unless @lines && shift @lines eq 'begin';
  fail ("The output does not end with \"($name) end\".")
    unless @lines && pop @lines eq 'end';
  return @lines;
}

# Removes the first of LINES (an array reference) and returns the
# captures of PATTERN in it (a regular expression), or just true if
# PATTERN is a string it equals.  Fails, saying what was expected, if
# it does not match.
sub mlfqs_take
{
  my ($lines, $pattern) = @_;
  my $line = shift @$lines;
  my $want = ref $pattern ? "a line like $pattern" : "the line \"$pattern\"";
  fail ("Expected $want, but the output ended.") unless defined $line;
  my @captures = ref $pattern ? $line =~ $pattern : $line eq $pattern ? (1) : ();
  fail ("Expected $want, but found \"$line\".") unless @captures;
  return wantarray ? @captures : $captures[0];
}

# Removes all of LINES (an array reference), each of which must match
# PATTERN, and returns their captures, an array reference per line.
sub mlfqs_take_all
{
  my ($lines, $pattern) = @_;
  my @data;
  push @data, [mlfqs_take ($lines, $pattern)] while @$lines;
  return @data;
}

# Returns the load average after each of UPDATES once-a-second updates,
# starting from START, where READY (a code reference) gives the number of
# ready threads at update U (0, 1, ...).
sub mlfqs_load_model
{
  my ($start, $ready, $updates) = @_;
  my ($load, @loads) = ($start);
  for my $u (0 .. $updates - 1)
    {
      $load = 59 / 60 * $load + $ready->($u) / 60;
      push @loads, $load;
    }
  return @loads;
}

# Returns the decay factor of recent_cpu for load average LOAD.
sub decay
{
  my ($load) = @_;
  return 2 * $load / (2 * $load + 1);
}

# For one thread of nice 0 and recent_cpu 0 that runs every tick from
# half a second before the first update, with nothing else ready and
# the load average START before, returns for each of UPDATES updates a
# pair [load average, recent_cpu] just after it.
sub mlfqs_recent_model
{
  my ($start, $updates) = @_;
  my @loads = mlfqs_load_model ($start, sub { 1 }, $updates);
  my ($recent, @pairs) = (0);
  for my $u (0 .. $updates - 1)
    {
      my $ticks = $u == 0 ? TICKS_PER_SECOND / 2 : TICKS_PER_SECOND;
      $recent = decay ($loads[$u]) * ($recent + $ticks);
      push @pairs, [$loads[$u], $recent];
    }
  return @pairs;
}

# Returns the priority of a thread with RECENT_CPU and NICE.
sub model_priority
{
  my ($recent, $nice) = @_;
  my $priority = int (PRI_MAX - $recent / 4 - 2 * $nice);
  return $priority < 0 ? 0 : $priority > PRI_MAX ? PRI_MAX : $priority;
}

# Removes and returns the thread to run from the ready QUEUE (thread
# numbers) under PRIORITIES: the first of the highest priority.
sub pick
{
  my ($queue, $priorities) = @_;
  my $best = 0;
  for my $k (1 .. $#$queue)
    {
      $best = $k if $priorities->[$queue->[$k]] > $priorities->[$queue->[$best]];
    }
  return splice (@$queue, $best, 1);
}

# Simulates threads of niceness NICES (an array reference), ready from
# the start, that spin for SECONDS seconds starting half a second after
# a once-a-second update, with the load average START before, and the
# recent_cpu of each equal to its nice (about what the update before
# the start leaves).  Returns the ticks each thread ran.
sub mlfqs_ticks_model
{
  my ($start, $nices, $seconds) = @_;
  my @threads = 0 .. $#$nices;
  my @recent = @$nices;
  my @priority = map { model_priority ($recent[$_], $nices->[$_]) } @threads;
  my @ticks = (0) x @threads;
  my @queue = @threads;
  my ($load, $running, $slice) = ($start, pick (\@queue, \@priority), 0);
  my $offset = TICKS_PER_SECOND / 2;

  for my $t (1 .. $seconds * TICKS_PER_SECOND)
    {
      $ticks[$running]++;
      $recent[$running]++;
      if (($t + $offset) % TICKS_PER_SECOND == 0)
        {
          $load = 59 / 60 * $load + @threads / 60;
          $recent[$_] = decay ($load) * $recent[$_] + $nices->[$_] for @threads;
        }
      my $yield = ++$slice >= TIME_SLICE;
      if (($t + $offset) % PRIORITY_PERIOD == 0)
        {
          for my $i (@threads)
            {
              my $p = model_priority ($recent[$i], $nices->[$i]);
              next if $p == $priority[$i];
              $priority[$i] = $p;
              @queue = ((grep { $_ != $i } @queue), $i) unless $i == $running;
            }
          $yield ||= grep { $priority[$_] > $priority[$running] } @queue;
        }
      if ($yield)
        {
          push @queue, $running;
          ($running, $slice) = (pick (\@queue, \@priority), 0);
        }
    }
  return @ticks;
}

# Fails unless every row of ROWS, array references [LABEL, ACTUAL,
# EXPECTED], has ACTUAL within TOLERANCE of EXPECTED, where TOLERANCE
# is a number or a function of EXPECTED.  The failure shows every row,
# marking those that are out, with WHAT naming the quantity.  Returns
# on success.
sub mlfqs_compare
{
  my ($what, $tolerance, @rows) = @_;
  my $allowed = ref $tolerance ? $tolerance : sub { $tolerance };
  my @out = grep { abs ($_->[1] - $_->[2]) > $allowed->($_->[2]) } @rows;
  return unless @out;
  fail (scalar (@out) . " of " . scalar (@rows) . " values of $what are farther from "
        . "the model than allowed (marked <<):",
        map { sprintf ("  %-24s %10.2f  expected %10.2f +/- %.2f%s", @$_[0 .. 2],
                       $allowed->($_->[2]),
                       abs ($_->[1] - $_->[2]) > $allowed->($_->[2]) ? '  <<' : '') } @rows);
}

# The tolerance of a thread's tick count in the share tests: this
# fraction of the model's count, plus MLFQS_SHARE_SLACK ticks.
use constant MLFQS_SHARE_FRACTION => 0.05;
use constant MLFQS_SHARE_SLACK => 10;

# Checks the output of the share test NAME, in which threads of
# niceness NICES (an array reference) spin for SECONDS seconds and
# print the ticks each got: every count must be within the tolerance
# above of the model's.  Passes the test if they are.
sub mlfqs_check_shares
{
  my ($name, $nices, $seconds) = @_;
  my @lines = mlfqs_lines ($name);
  mlfqs_take (\@lines, sprintf ('%d threads of niceness %d to %d spin for %d seconds',
                                scalar @$nices, $nices->[0], $nices->[-1], $seconds));
  my $start = mlfqs_take (\@lines, qr/^load average at the start: (\d+\.\d\d)$/);
  my @data = mlfqs_take_all (\@lines, qr/^thread (\d+) \(nice (-?\d+)\): (\d+) ticks$/);
  fail ("Expected " . @$nices . " threads' counts, in order, found " . @data . '.')
    unless @data == @$nices
           && !grep { $data[$_][0] != $_ || $data[$_][1] != $nices->[$_] } 0 .. $#data;

  my @model = mlfqs_ticks_model ($start, $nices, $seconds);
  mlfqs_compare ('the ticks per thread',
                 sub { MLFQS_SHARE_FRACTION * $_[0] + MLFQS_SHARE_SLACK },
                 map { ["thread $_ (nice $nices->[$_])", $data[$_][2], $model[$_]] } 0 .. $#data);
  pass ();
}

1;
