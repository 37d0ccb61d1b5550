# Ringlet::Bochs -- runs a Ringlet disk in Bochs 2.7 (Debian's build)
# for the launcher: writes a private bochsrc, starts Bochs headless with
# COM1 connected to the launcher over a local socket, and turns the way
# Bochs ended into the kernel's status.  See Ringlet::Run for the
# interface.
#
# Facts about Debian's Bochs that shape this file:
# - Its internal debugger is compiled in, so Bochs starts at a debugger
#   prompt; a command file saying "c" makes it run at once, and with
#   stdin at /dev/null it quits when the simulation stops.
# - There is no "nogui" display; "term" (package bochs-term) draws the
#   VGA text screen with curses on Bochs's own stdout, which the
#   launcher sends to a private file, so nothing opens a port or a
#   window.
# - Without a sound driver the speaker device crashes Bochs on a host
#   without a sound card, hence "sound: driver=dummy".
# - COM1 goes to a file the launcher follows as it grows, unless the
#   run is interactive (stdin a terminal): then it is a "socket-client"
#   connection to the launcher, which carries the serial port both
#   ways.  Measured: with the socket, a machine busy with several Bochs
#   runs at once sometimes left a kernel waiting for its transmitter
#   for good (3 runs in 4 with four at once on two cores); with the
#   file, never (12 of 12).  The kernel must initialise the UART (line
#   control register), as it does.
# - Bochs ignores SIGTERM; it is stopped with SIGKILL, and leaves a
#   ".lock" file beside the disk image.
# - Writing "Shutdown" to port 0x8900 ends Bochs ("shutdown requested");
#   Bochs cannot report a status, so a clean shutdown counts as 0.
package Ringlet::Bochs;

use strict;
use warnings;
use IO::Socket::INET;
use IO::Select;
use POSIX qw(_exit O_RDONLY O_NOCTTY ICANON ECHO ISIG VMIN VTIME TCSANOW);
use Time::HiRes qw(time);
use Ringlet::Build qw(fatal);
use Ringlet::Disk qw(disk_cylinders);
use Ringlet::Run qw(spawn_process find_program icount_shift exit_status
                    EXIT_SIMULATOR EXIT_TRIPLE_FAULT);
use Ringlet::Clock qw(bochs_clock_setting bochs_ips);

use constant PROGRAM  => 'bochs';
use constant BIOS     => '/usr/share/bochs/BIOS-bochs-latest';   # bochsbios package
use constant VGA_BIOS => '/usr/share/vgabios/vgabios.bin';       # vgabios package

# The CPU model: AMD Ryzen, with SVM and nested paging.  For the
# launcher's portable --cpu names, an Athlon 64 has no AMD-V and a
# Turion 64 has AMD-V without nested paging.
use constant CPU_MODEL => 'ryzen';
my %CPU_BY_FEATURES = (nosvm => 'athlon64_venice', nonpt => 'turion64_tyler');

# Bochs's clock starts at this Unix time (2000-01-01 00:00:00 UTC) and
# advances with the instruction count, so every run sees the same dates.
use constant TIME0 => 946684800;

# Bochs's lowest accepted instructions-per-second setting.
use constant MIN_IPS => 1000000;

# How long Bochs may take to start and connect its COM1, in seconds.
use constant CONNECT_WAIT => 15;

# Returns a new Bochs run for the launcher settings OPTS, with private
# files in folder TEMP.
sub new
{
  my ($class, $opts, $temp) = @_;
  my $program = find_program (PROGRAM)
    or fatal (PROGRAM . " not found: install Debian's bochs package");
  -f BIOS or fatal (BIOS . " not found: install Debian's bochsbios package");
  -f VGA_BIOS or fatal (VGA_BIOS . " not found: install Debian's vgabios package");

  my $self = bless { opts => $opts, rc => "$temp/bochsrc", commands => "$temp/bochs.commands",
                     log => "$temp/bochs.log", out => "$temp/bochs.out",
                     errors => "$temp/bochs.errors" }, $class;
  if (interactive ($opts))
    {
      $self->{listener} = IO::Socket::INET->new (Listen => 1, LocalAddr => '127.0.0.1',
                                                 LocalPort => 0, Proto => 'tcp')
        or fatal ("cannot open a local socket for Bochs's serial port: $!");
    }
  else
    {
      $self->{com1} = "$temp/com1.out";
    }
  write_file ($self->{rc}, $self->bochsrc ());
  write_file ($self->{commands}, "c\n");
  my @argv = ($program, '-q', '-f', $self->{rc});
  push @argv, '-rc', $self->{commands} unless $opts->{bochs_debug};
  $self->{argv} = \@argv;
  return $self;
}

# Writes TEXT to FILE, or exits with a message.
sub write_file
{
  my ($file, $text) = @_;
  open (my $fh, '>', $file) or fatal ("$file: cannot write: $!");
  print $fh $text;
  close $fh or fatal ("$file: cannot write: $!");
}

# Returns the instructions per virtual second, matching QEMU's icount
# setting (see Ringlet::Run).
sub ips
{
  my $ips = int (1e9 / 2 ** icount_shift ());
  return $ips < MIN_IPS ? MIN_IPS : $ips;
}

# Returns the text of the bochsrc for this run.
sub bochsrc
{
  my ($self) = @_;
  my $opts = $self->{opts};
  my $disk = $opts->{output};
  my $cylinders = disk_cylinders ($disk);
  my $ips = bochs_ips ($opts, ips ());
  my $com1 = $self->{listener}
             ? "com1: enabled=1, mode=socket-client, dev=127.0.0.1:" . $self->{listener}->sockport ()
             : "com1: enabled=1, mode=file, dev=$self->{com1}";
  my $model = defined $opts->{cpu} ? $CPU_BY_FEATURES{$opts->{cpu}} // $opts->{cpu} : CPU_MODEL;
  return <<"END";
# Bochs settings for one run, written by utils/ringlet.
megs: $opts->{memory}
romimage: file=@{[BIOS]}
vgaromimage: file=@{[VGA_BIOS]}
boot: disk
ata0-master: type=disk, path="$disk", mode=flat, cylinders=$cylinders, heads=16, spt=63
cpu: model=$model, count=@{[$opts->{smp} // 1]}, ips=$ips, reset_on_triple_fault=0
@{[bochs_clock_setting ($opts, TIME0)]}
$com1
display_library: term
sound: driver=dummy
log: $self->{log}
panic: action=fatal
error: action=report
info: action=ignore
debug: action=ignore
END
}

# Returns true if the run is interactive: its serial input comes from a
# terminal (or the debugger needs one), so COM1 must carry input too.
sub interactive
{
  my ($opts) = @_;
  return $opts->{bochs_debug} || (-t STDIN && !$opts->{no_serial_input});
}

# Starts Bochs and connects to its COM1: opens the file it writes, or
# waits for it to connect to the launcher's socket.  With
# --bochs-debug, Bochs keeps the terminal for its debugger.
sub start
{
  my ($self) = @_;
  my $debug = $self->{opts}{bochs_debug};
  $self->{pid} = spawn_process ($self->{argv},
                                $debug ? () : (stdin => '/dev/null', stdout => $self->{out},
                                               own_group => 1),
                                stderr => $self->{errors});
  $self->drain_screen () unless $debug;
  return $self->follow_com1_file () unless $self->{listener};
  my $listener = $self->{listener};
  my $until = time + CONNECT_WAIT;
  while (time < $until)
    {
      if (IO::Select->new ($listener)->can_read (0.05))
        {
          $self->{output} = $listener->accept ();
          # With --bochs-debug, stdin belongs to the debugger.
          $self->{input} = $debug ? undef : $self->{output};
          last;
        }
      last if defined exit_status ($self);
    }
  close $listener;
}

# Opens the file Bochs writes COM1 to, once Bochs has created it (or
# has exited), as the run's serial output.
sub follow_com1_file
{
  my ($self) = @_;
  my $until = time + CONNECT_WAIT;
  until (-e $self->{com1} || defined exit_status ($self) || time > $until)
    {
      select (undef, undef, undef, 0.02);
    }
  open ($self->{output}, '<', $self->{com1}) or $self->{output} = undef;
}

# The "term" display of a Bochs built with its debugger draws the screen
# on a pseudo-terminal of its own, named on Bochs's stdout or stderr as
# 'connected to screen "/dev/pts/N"'.  Nothing reads that terminal, and
# once its buffer is full Bochs blocks in the middle of a screen update
# and the simulation stops (measured: after about 13 KB of console
# output).  A child process therefore opens the terminal as soon as its
# name appears, puts it in raw mode without echo, and reads and throws
# away everything until Bochs closes it.
sub drain_screen
{
  my ($self) = @_;
  my $pid = fork;
  return unless defined $pid;
  if ($pid)
    {
      $self->{drainer} = $pid;
      return;
    }
  $SIG{$_} = 'DEFAULT' for qw(INT TERM HUP PIPE);
  my $pty = screen_name ($self);
  _exit (0) unless defined $pty && sysopen (my $screen, $pty, O_RDONLY | O_NOCTTY);
  my $termios = POSIX::Termios->new ();
  if ($termios->getattr (fileno $screen))
    {
      $termios->setlflag ($termios->getlflag () & ~(ICANON | ECHO | ISIG));
      $termios->setcc (VMIN, 1);
      $termios->setcc (VTIME, 0);
      $termios->setattr (fileno $screen, TCSANOW);
    }
  my $buffer;
  1 while sysread ($screen, $buffer, 65536);
  _exit (0);
}

# In the drainer: waits for Bochs to name its screen's pseudo-terminal
# and returns the name, or undef if Bochs ends or CONNECT_WAIT passes
# first.
sub screen_name
{
  my ($self) = @_;
  my $until = time + CONNECT_WAIT;
  while (time < $until)
    {
      for my $file ($self->{out}, $self->{errors})
        {
          open (my $fh, '<', $file) or next;
          local $/;
          my $text = <$fh> // '';
          return $1 if $text =~ m{connected to screen "(/dev/pts/\d+)"};
        }
      return undef unless kill (0, $self->{pid});
      select (undef, undef, undef, 0.02);
    }
  return undef;
}

# Ends the screen drainer, if one runs, and reaps it.
sub stop_drainer
{
  my ($self) = @_;
  my $pid = delete $self->{drainer};
  return unless defined $pid;
  kill 'KILL', $pid;
  waitpid ($pid, 0);
}

# Stops Bochs, which ignores SIGTERM.
sub stop
{
  my ($self) = @_;
  $self->stop_drainer ();
  return if defined exit_status ($self);
  kill 'KILL', $self->{pid};
  waitpid ($self->{pid}, 0);
  $self->{status} = $?;
}

# Returns the message Bochs gave when it ended, or ''.
sub exit_message
{
  my ($self) = @_;
  open (my $fh, '<', $self->{errors}) or return '';
  my $message = '';
  while (my $line = <$fh>)
    {
      next unless $line =~ /^Bochs is exiting with the following message:/;
      $message = <$fh> // '';
      $message =~ s/^\[[^\]]*\]\s*//;
      chomp $message;
    }
  return $message;
}

# Returns the last line Bochs wrote to stderr, or a note that it wrote
# nothing.
sub last_error
{
  my ($self) = @_;
  open (my $fh, '<', $self->{errors}) or return 'no message';
  my @lines = grep { /\S/ } <$fh>;
  return @lines ? $lines[-1] =~ s/\s+$//r : 'no message';
}

# Returns (EXIT_CODE, EXPLANATION) for Bochs's exit with wait status
# WAIT_STATUS, judged by the message Bochs printed as it ended.
sub outcome
{
  my ($self, $wait_status) = @_;
  $self->stop_drainer ();
  my $message = $self->exit_message ();
  return (0, undef) if $message =~ /shutdown requested/;
  return (EXIT_TRIPLE_FAULT, "triple fault: the simulated CPU reset itself (Bochs: $message)")
    if $message =~ /exception with no resolution/;
  return (EXIT_SIMULATOR, "Bochs stopped: $message") if $message ne '';
  return (EXIT_SIMULATOR, 'Bochs was killed by signal ' . ($wait_status & 127))
    if $wait_status & 127;
  return (0, undef) if $wait_status == 0;
  return (EXIT_SIMULATOR, 'Bochs exited with status ' . ($wait_status >> 8) . ': '
                          . $self->last_error ());
}

1;
