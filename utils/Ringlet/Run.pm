# Ringlet::Run -- supervises one simulator run for the launcher: starts
# the simulator (through a Ringlet::Qemu or Ringlet::Bochs object),
# copies the kernel's serial output to stdout as it arrives, watches
# it for panics, reboots and power-off, enforces the wall-clock limit,
# and turns the way the run ended into the launcher's exit status.
#
# A simulator object provides: new(OPTS, TEMP), start() which sets
# {pid}, {output} (a handle carrying the serial output) and {input} (a
# handle for serial input, or undef when the simulator reads stdin
# itself), stop() which kills it, and outcome(WAIT_STATUS) which
# returns (EXIT_CODE, EXPLANATION-or-undef) once it has exited.
package Ringlet::Run;

use strict;
use warnings;
use POSIX qw(WNOHANG _exit);
use IO::Select;
use Time::HiRes qw(time);
use Exporter qw(import);
use Ringlet::Build qw(complain fatal);

our @EXPORT_OK = qw(run_simulator private_folder spawn_process find_program icount_shift exit_status
                    DEFAULT_ICOUNT_SHIFT
                    EXIT_FAILURE EXIT_SIMULATOR EXIT_TRIPLE_FAULT
                    EXIT_NO_POWEROFF EXIT_PANIC EXIT_TIMEOUT);

# Exit statuses of the launcher other than the kernel's own status.
use constant EXIT_FAILURE      => 1;    # Launcher error (e.g. a -g file missing).
use constant EXIT_SIMULATOR    => 120;  # The simulator failed or could not start.
use constant EXIT_TRIPLE_FAULT => 121;  # The simulated CPU triple-faulted.
use constant EXIT_NO_POWEROFF  => 122;  # Reset, reboot, or power-off that did not work.
use constant EXIT_PANIC        => 123;  # Stopped after a kernel panic (-k).
use constant EXIT_TIMEOUT      => 124;  # Wall-clock limit (-T) reached.
use constant EXIT_INTERRUPTED  => 130;  # Interrupted by a signal (Ctrl-C).

# How long to let the simulator run on, in seconds, after the kernel
# printed a panic's call stack (-k), after a panic message with no call
# stack yet (-k), and after "Powering off..." before concluding that
# the power-off did not work.
use constant PANIC_GRACE      => 0.3;
use constant PANIC_STACK_WAIT => 2;
use constant POWEROFF_WAIT    => 3;

# Virtual time: both simulators count time by instructions, so a run's
# output depends on the kernel and not on the host's load.  The virtual
# CPU executes 10^9 / 2^SHIFT instructions per virtual second (QEMU's
# -icount shift=SHIFT; Bochs gets the same figure as its "ips").
#
# The choice, measured on this project's QEMU 7.2 (TCG) and Bochs 2.7:
# - A pure computing loop runs about 270 million instructions per host
#   second on QEMU and 95 million on Bochs, whatever the shift.  At
#   shift 8 (3.9 million instructions per virtual second) a virtual
#   second of spinning costs ~15 ms of host time on QEMU and ~40 ms on
#   Bochs, so a test that spins for 60-180 virtual seconds (the MLFQS
#   tests) takes 1-3 s on QEMU and 3-7 s on Bochs; at shift 7 twice
#   that, at shift 0 (1 GHz) minutes.
# - A loop that polls the timer with port I/O (slower to simulate)
#   covering 10 virtual seconds took 132 s of host time at shift 0,
#   2.3 s at 6, 1.3 s at 7 and 0.7 s at 8 on QEMU; 1.7 s at 8 on Bochs.
#   Both simulators counted the same loop iterations at the same shift.
# - Boot to power-off takes ~0.1 s of host time at every shift: with
#   sleep=off an idle kernel jumps straight to its next timer event.
# - Shift 8 still leaves ~39,000 instructions per 100 Hz timer tick,
#   ample for the scheduler's per-tick and per-second work even with
#   dozens of threads.
# RINGLET_ICOUNT=N overrides the shift (0 to 10).  Bochs accepts no
# fewer than a million instructions per second, so there shift 10 runs
# like shift 9.9.
use constant DEFAULT_ICOUNT_SHIFT => 8;

# Set by the signal handlers to the name of the signal received.
my $interrupted;

# How long to let a simulator's serial output gather after some
# arrived, in seconds: QEMU writes the serial port a byte at a time,
# and reading each byte alone cost a short test more of the
# launcher's time than everything else it does.  A person typing at
# the shell does not notice a millisecond.
use constant GATHER_WAIT => 0.001;

# How often to look whether a simulator that closed its output has
# exited, in seconds.
use constant EXIT_POLL => 0.005;

# The private folders made by private_folder(), removed at exit, and
# the process that made them (a child that fails to start a program
# leaves through _exit and never removes them).
my @private_folders;
my $folder_owner = $$;

# Makes a new folder, readable only by the user, for one run's files
# (the disk image, the simulator's logs and settings) under TMPDIR or
# /tmp, and returns its path.  The folder and the files in it (it is
# meant to hold no sub-folders) are removed when the launcher exits.
# File::Temp would do the same, but loading it cost more than a
# short test's whole supervision.
sub private_folder
{
  my $base = $ENV{TMPDIR} // '/tmp';
  for (1 .. 100)
    {
      my $path = sprintf ('%s/ringlet.%d.%06d', $base, $$, int (rand (1e6)));
      if (mkdir ($path, 0700))
        {
          push @private_folders, $path;
          return $path;
        }
      fatal ("cannot create a folder in $base: $!") unless $!{EEXIST};
    }
  fatal ("cannot create a folder in $base: every name tried exists");
}

END
{
  local ($!, $?);
  return unless $$ == $folder_owner;
  for my $folder (@private_folders)
    {
      unlink glob ("$folder/* $folder/.[!.]*");
      rmdir $folder;
    }
}

# Returns the icount shift to use: RINGLET_ICOUNT if set, else the
# default above.
sub icount_shift
{
  my $value = $ENV{RINGLET_ICOUNT};
  return DEFAULT_ICOUNT_SHIFT unless defined $value && $value ne '';
  fatal ("RINGLET_ICOUNT must be a whole number from 0 to 10, not '$value'")
    unless $value =~ /^\d+$/ && $value <= 10;
  return $value;
}

# Returns the full path of program NAME found in PATH, or undef.
sub find_program
{
  my ($name) = @_;
  for my $dir (split /:/, $ENV{PATH} // '')
    {
      my $path = ($dir eq '' ? '.' : $dir) . "/$name";
      return $path if -f $path && -x _;
    }
  return undef;
}

# Starts the program ARGV (a list reference) and returns its process
# id.  IO may give stdin (a file name to read), stdout and stderr (file
# handles or file names to write); what it omits is inherited.  With
# own_group set, the program gets a process group of its own, so that
# a Ctrl-C at the terminal reaches only the launcher.
sub spawn_process
{
  my ($argv, %io) = @_;
  my $pid = fork;
  fatal ("cannot start $argv->[0]: $!") unless defined $pid;
  return $pid if $pid;

  setpgrp (0, 0) if $io{own_group};
  open (STDIN, '<', $io{stdin}) or child_fail ("$io{stdin}: $!") if defined $io{stdin};
  redirect (\*STDOUT, $io{stdout}) if defined $io{stdout};
  redirect (\*STDERR, $io{stderr}) if defined $io{stderr};
  $SIG{$_} = 'DEFAULT' for qw(INT TERM HUP PIPE);
  exec { $argv->[0] } @$argv
    or child_fail ("cannot run $argv->[0]: $!");
}

# In a child process: points HANDLE at TARGET, a handle or a file name.
sub redirect
{
  my ($handle, $target) = @_;
  my $ok = ref $target ? open ($handle, '>&', $target) : open ($handle, '>', $target);
  child_fail ("cannot redirect output: $!") unless $ok;
}

# In a child process: reports MESSAGE and exits at once, without
# running the parent's cleanup code.
sub child_fail
{
  my ($message) = @_;
  print STDERR "$message\n";
  _exit (127);
}

# Returns the wait status of the simulator SIM if it has exited (reaping
# it then), or undef while it runs.  The status is kept in SIM, so this
# may be asked again.
sub exit_status
{
  my ($sim) = @_;
  $sim->{status} = $? if !defined $sim->{status} && waitpid ($sim->{pid}, WNOHANG) == $sim->{pid};
  return $sim->{status};
}

# Writes DATA to stdout at once (unbuffered) and remembers whether the
# output now ends at the start of a line.  Output errors are ignored:
# the run goes on even if nobody reads it.
sub echo_output
{
  my ($run, $data) = @_;
  my $offset = 0;
  while ($offset < length $data)
    {
      my $written = syswrite (STDOUT, $data, length ($data) - $offset, $offset);
      last unless $written;
      $offset += $written;
    }
  $run->{line_start} = substr ($data, -1) eq "\n" if $data ne '';
}

# Arranges for the run to be stopped at time WHEN with exit status CODE
# and explanation WHY, under the name KEY; an earlier alarm under the
# same name wins.
sub set_alarm
{
  my ($run, $key, $when, $code, $why) = @_;
  my $old = $run->{alarms}{$key};
  $run->{alarms}{$key} = [$when, $code, $why] unless $old && $old->[0] <= $when;
}

# Looks at one complete line of kernel output, LINE, for the events the
# launcher reacts to: a second boot banner (the machine rebooted), a
# panic (with -k), and the kernel's announcement that it powers off.
sub scan_line
{
  my ($run, $line) = @_;
  my $now = time;
  # A line a multiboot guest of the hv printed ("NAME| ...") is the
  # guest's: its banner, panic or power-off is not the machine's.
  return if $line =~ /^[^\s|]+\| /;
  # The banner is Pintos's in compatibility mode (-pintos).
  if ($line =~ /(?:Ringlet|Pintos) booting with / && ++$run->{banners} > 1)
    {
      set_alarm ($run, 'reboot', $now, EXIT_NO_POWEROFF,
                 'the kernel booted a second time: the machine rebooted (triple fault?)');
    }
  if ($run->{opts}{kill_on_panic} && $line =~ /Kernel PANIC/)
    {
      set_alarm ($run, 'panic', $now + PANIC_STACK_WAIT, EXIT_PANIC,
                 'stopped the simulator after a kernel panic (-k)');
      $run->{panicked} = 1;
    }
  if ($run->{panicked} && $line =~ /^Call stack:/)
    {
      set_alarm ($run, 'panic', $now + PANIC_GRACE, EXIT_PANIC,
                 'stopped the simulator after a kernel panic (-k)');
    }
  if ($line =~ /^Powering off\.\.\.$/)
    {
      set_alarm ($run, 'poweroff', $now + POWEROFF_WAIT, EXIT_NO_POWEROFF,
                 "the kernel printed 'Powering off...' but the simulator was still running "
                 . POWEROFF_WAIT . " seconds later: the power-off did not work");
    }
}

# Handles DATA, a piece of the kernel's serial output: copies it to
# stdout and scans each line it completes.
sub take_output
{
  my ($run, $data) = @_;
  echo_output ($run, $data);
  $run->{partial} .= $data;
  while ($run->{partial} =~ s/^([^\n]*)\n//)
    {
      scan_line ($run, $1 =~ s/\r$//r);
    }
  # Only the start of a line matters to scan_line; a kernel printing
  # without line breaks must not make the buffer grow without bound.
  substr ($run->{partial}, 4096) = '' if length $run->{partial} > 8192;
}

# Returns the alarm [WHEN, CODE, WHY] that falls first, or undef.
sub first_alarm
{
  my ($run) = @_;
  my ($first) = sort { $a->[0] <=> $b->[0] } values %{$run->{alarms}};
  return $first;
}

# Reads what is waiting on the handles in READY and acts on it: serial
# output is taken in, stdin is forwarded to the simulator's serial
# input.  A pipe or socket at end of file is dropped from the run's
# selection; a plain file (Bochs's COM1 file) at its end is only
# caught up with, and followed on.  Returns the bytes read.
sub pump
{
  my ($run, @ready) = @_;
  my $sim = $run->{sim};
  my $total = 0;
  for my $fh (@ready)
    {
      my $got = sysread ($fh, my $data, 65536);
      if (!$got)
        {
          $run->{select}->remove ($fh) unless -f $fh;
          next;
        }
      $total += $got;
      if ($fh == $sim->{output})
        {
          take_output ($run, $data);
        }
      else
        {
          syswrite ($sim->{input}, $data);
        }
    }
  return $total;
}

# Reads the simulator's remaining output after it has exited, until end
# of file or until nothing more comes for a moment.
sub drain
{
  my ($run) = @_;
  my $fh = $run->{sim}{output};
  return unless $fh && $run->{select}->exists ($fh);
  while (IO::Select->new ($fh)->can_read (0.2))
    {
      my $got = sysread ($fh, my $data, 65536);
      last unless $got;
      take_output ($run, $data);
    }
}

# Watches the running simulator until it exits or an alarm (timeout,
# panic, failed power-off, reboot) or a signal stops it.  Returns the
# exit code and explanation.
sub supervise
{
  my ($run) = @_;
  my $sim = $run->{sim};
  for (;;)
    {
      if ($interrupted)
        {
          $sim->stop ();
          return (EXIT_INTERRUPTED, "interrupted by SIG$interrupted");
        }
      my $alarm = first_alarm ($run);
      my $wait = 0.25;
      if ($alarm)
        {
          my $left = $alarm->[0] - time;
          if ($left <= 0)
            {
              $sim->stop ();
              drain ($run);
              return @$alarm[1, 2];
            }
          $wait = $left if $left < $wait;
        }
      if ($run->{select}->count)
        {
          # A file is always "ready": when nothing came, wait a little.
          if (pump ($run, $run->{select}->can_read ($wait)))
            {
              select (undef, undef, undef, GATHER_WAIT);
            }
          else
            {
              select (undef, undef, undef, 0.01);
            }
        }
      else
        {
          select (undef, undef, undef, $wait < EXIT_POLL ? $wait : EXIT_POLL);
        }
      if (defined exit_status ($sim))
        {
          drain ($run);
          return $sim->outcome ($sim->{status});
        }
    }
}

# Prints the timeout notice at the start of a line of the output.
sub print_timeout
{
  my ($run) = @_;
  my $notice = sprintf ("TIMEOUT after %g seconds of host time\n", $run->{opts}{timeout});
  echo_output ($run, ($run->{line_start} ? '' : "\n") . $notice);
}

# Runs the simulator of class CLASS (Ringlet::Qemu or Ringlet::Bochs)
# with the launcher's settings OPTS, using the private folder TEMP, and
# returns the launcher's exit status, after explaining on stderr any
# ending other than a normal power-off.
sub run_simulator
{
  my ($class, $opts, $temp) = @_;
  my $sim = $class->new ($opts, $temp);
  local $SIG{INT} = $opts->{bochs_debug} ? 'IGNORE' : sub { $interrupted = 'INT' };
  local $SIG{TERM} = sub { $interrupted = 'TERM' };
  local $SIG{HUP} = sub { $interrupted = 'HUP' };
  local $SIG{PIPE} = 'IGNORE';

  my $run = { sim => $sim, opts => $opts, alarms => {}, partial => '',
              banners => 0, line_start => 1 };
  my $start = time;
  set_alarm ($run, 'timeout', $start + $opts->{timeout}, EXIT_TIMEOUT,
             "stopped the simulator: no power-off within $opts->{timeout} seconds (-T)")
    if $opts->{timeout};
  $sim->start ();
  $run->{select} = IO::Select->new (grep { defined } $sim->{output});
  $run->{select}->add (\*STDIN) if defined $sim->{input} && !$opts->{no_serial_input};

  my ($code, $why) = supervise ($run);
  echo_output ($run, "\n") unless $run->{line_start};
  print_timeout ($run) if $code == EXIT_TIMEOUT;
  complain ($why) if defined $why;
  return $code;
}

1;
