# tests::sched::tier2 -- what the checkers of the tier-2 tests (guest
# kernel threads on several VCPUs) share: reading the figures a guest
# printed (tests/sched/tier2-common.c and kthread_print_stats in
# hv/guest/kthread.c) and judging them within stated tolerances.
package tests::sched::tier2;

use strict;
use warnings;
use Exporter qw(import);
use tests::tests;

our @EXPORT = qw(tier2_lines tier2_figures tier2_vcpu_stats tier2_thread_stats
                 tier2_check_vcpus tier2_check_shares);

# Runs the common checks on the output of guest test NAME and returns
# the texts of its lines "(NAME) TEXT" between "begin" and "end".
# Fails unless the guest exited with code 0 and the hv did not kill it.
sub tier2_lines
{
  my ($name) = @_;
  my @output = read_output ();
  common_checks ('run', @output);
  my @core = get_core_output ('run', @output);
  my @lines = map { /^\(\Q$name\E\) (.*)$/ ? $1 : () } @core;
  my @killed = grep { /^vm killed: / } @lines;
  fail ("The hv killed the guest: $killed[0]") if @killed;
  my @failed = grep { /: FAILED$/ } @lines;
  fail ("The guest failed: $failed[0]") if @failed;
  fail ("The output does not start with \"($name) begin\".")
    unless @lines && shift @lines eq 'begin';
  fail ("The output does not end with \"($name) end\".")
    unless @lines && pop @lines eq 'end';
  fail ("The guest did not exit with code 0: no line \"$name: exit(0)\".")
    unless grep { $_ eq "$name: exit(0)" } @core;
  return @lines;
}

# Returns, for every line of LINES (an array reference) that matches
# PATTERN, its captures as an array reference; fails, naming WHAT, if
# none does.
sub tier2_figures
{
  my ($lines, $pattern, $what) = @_;
  my @found = map { [/$pattern/] } grep { /$pattern/ } @$lines;
  fail ("The guest printed no $what (lines like $pattern).") unless @found;
  return @found;
}

# Returns the per-VCPU statistics in LINES: a list, by VCPU number, of
# hashes with ticks, idle, steals, ipis_sent, ipis_received, halts.
sub tier2_vcpu_stats
{
  my ($lines) = @_;
  my @vcpus;
  for my $f (tier2_figures ($lines, qr/^vcpu (\d+): ticks (\d+), idle (\d+), steals (\d+), ipis sent (\d+), ipis received (\d+), halts (\d+)$/, 'VCPU statistics'))
    {
      my ($id, $ticks, $idle, $steals, $sent, $received, $halts) = @$f;
      $vcpus[$id] = { ticks => $ticks, idle => $idle, steals => $steals,
                      ipis_sent => $sent, ipis_received => $received,
                      halts => $halts };
    }
  return @vcpus;
}

# Returns the per-thread statistics in LINES: a hash by thread name of
# hashes with ticks, cycles, runs, migrations, remote_wakeups.
sub tier2_thread_stats
{
  my ($lines) = @_;
  my %threads;
  for my $f (tier2_figures ($lines, qr/^thread (\S+): ticks (\d+), cycles (\d+), runs (\d+), migrations (\d+), remote wake-ups (\d+)$/, 'thread statistics'))
    {
      my ($name, $ticks, $cycles, $runs, $migrations, $remote) = @$f;
      $threads{$name} = { ticks => $ticks, cycles => $cycles, runs => $runs,
                          migrations => $migrations, remote_wakeups => $remote };
    }
  return %threads;
}

# Fails unless the guest says it ran on WANTED VCPUs.
sub tier2_check_vcpus
{
  my ($lines, $wanted) = @_;
  my ($f) = tier2_figures ($lines, qr/^vcpus: (\d+)$/, 'VCPU count');
  fail ("The guest ran on $f->[0] VCPUs instead of $wanted.") if $f->[0] != $wanted;
}

# Fails unless the COUNT workers in LINES (threads worker0, worker1...)
# were each running at a number of timer ticks within TOLERANCE percent
# of their average, and together at no less than MIN_BUSY percent of
# the VCPU ticks there were (VCPUS VCPUs for the TICKS the guest says
# the workers ran).  Ticks measure what the guest kernel gives each
# thread of its VCPUs' time; how much of a physical CPU each VCPU got
# is the hv's business, so the work done ("worker I: batches B") need
# only be there.  Returns a line with the spread.
sub tier2_check_shares
{
  my ($lines, $count, $vcpus, $tolerance, $min_busy) = @_;
  my %threads = tier2_thread_stats ($lines);
  my ($duration) = tier2_figures ($lines, qr/^workers ran (\d+) ticks$/, 'run length');
  my @work = tier2_figures ($lines, qr/^worker (\d+): batches (\d+)$/, 'worker figures');
  fail ("The guest reported " . scalar (@work) . " workers instead of $count.")
    if @work != $count;
  for my $w (@work)
    {
      fail ("Worker $w->[0] made no progress.") if $w->[1] == 0;
    }
  my @ticks;
  for my $i (0 .. $count - 1)
    {
      my $t = $threads{"worker$i"};
      fail ("No statistics for thread worker$i.") unless defined $t;
      push @ticks, $t->{ticks};
    }
  my $total = 0;
  $total += $_ for @ticks;
  my $available = $vcpus * $duration->[0];
  fail (sprintf ("The workers ran at %d of %d VCPU ticks (%.0f%%), less than"
                 . " %d%%: VCPUs idled while threads waited.  Ticks: %s.",
                 $total, $available, $total / $available * 100, $min_busy,
                 join (' ', @ticks)))
    if $total * 100 < $available * $min_busy;
  my $mean = $total / $count;
  my ($low, $high) = (0, 0);
  for my $i (0 .. $#ticks)
    {
      my $off = ($ticks[$i] - $mean) / $mean * 100;
      $low = $off if $off < $low;
      $high = $off if $off > $high;
      fail (sprintf ("Worker %d ran %d ticks, %+.1f%% from the average %.1f;"
                     . " fair shares must be within %d%%.  Ticks: %s.",
                     $i, $ticks[$i], $off, $mean, $tolerance, join (' ', @ticks)))
        if abs ($off) > $tolerance;
    }
  return sprintf ("worker ticks from %+.1f%% to %+.1f%% of the average;"
                  . " workers busy %.0f%% of the VCPUs' ticks",
                  $low, $high, $total / $available * 100);
}

1;
