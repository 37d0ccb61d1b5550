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
                 tier2_check_vcpus tier2_check_shares tier2_check_busy);

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
# hashes with ticks, runs, migrations, remote_wakeups.
sub tier2_thread_stats
{
  my ($lines) = @_;
  my %threads;
  for my $f (tier2_figures ($lines, qr/^thread (\S+): ticks (\d+), runs (\d+), migrations (\d+), remote wake-ups (\d+)$/, 'thread statistics'))
    {
      my ($name, $ticks, $runs, $migrations, $remote) = @$f;
      $threads{$name} = { ticks => $ticks, runs => $runs,
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

# Fails unless the COUNT workers in LINES ("worker I: batches B") each
# did within TOLERANCE percent of the average work.  Returns a line
# that says how far the least and the most were from the average.
sub tier2_check_shares
{
  my ($lines, $count, $tolerance) = @_;
  my @work = map { $_->[1] } sort { $a->[0] <=> $b->[0] }
    tier2_figures ($lines, qr/^worker (\d+): batches (\d+)$/, 'worker figures');
  fail ("The guest reported " . scalar (@work) . " workers instead of $count.")
    if @work != $count;
  my $total = 0;
  $total += $_ for @work;
  fail ("The workers did no work at all.") if $total == 0;
  my $mean = $total / $count;
  my ($low, $high) = (0, 0);
  for my $i (0 .. $#work)
    {
      my $off = ($work[$i] - $mean) / $mean * 100;
      $low = $off if $off < $low;
      $high = $off if $off > $high;
      fail (sprintf ("Worker %d did %d batches, %+.1f%% from the average %.1f;"
                     . " fair shares must be within %d%%.  Work: %s.",
                     $i, $work[$i], $off, $mean, $tolerance, join (' ', @work)))
        if abs ($off) > $tolerance;
    }
  return sprintf ("worker shares from %+.1f%% to %+.1f%% of the average", $low, $high);
}

# Fails unless each VCPU in VCPUS (from tier2_vcpu_stats) was idle at
# no more than MAX_IDLE percent of its ticks.
sub tier2_check_busy
{
  my ($vcpus, $max_idle) = @_;
  for my $id (0 .. $#$vcpus)
    {
      my $v = $vcpus->[$id];
      fail ("VCPU $id took no timer ticks.") if $v->{ticks} == 0;
      my $idle = $v->{idle} / $v->{ticks} * 100;
      fail (sprintf ("VCPU %d was idle at %d of its %d ticks (%.0f%%), more"
                     . " than %d%%: work did not reach it.", $id, $v->{idle},
                     $v->{ticks}, $idle, $max_idle))
        if $idle > $max_idle;
    }
}

1;
