# Ringlet::Qemu -- runs a Ringlet disk in QEMU (Debian's
# qemu-system-i386, TCG) for the launcher: builds the command line,
# starts QEMU with its serial port on a pipe, and turns QEMU's exit into
# the kernel's status.  See Ringlet::Run for the interface.
package Ringlet::Qemu;

use strict;
use warnings;
use FindBin;
use Ringlet::Build qw(complain fatal);
use Ringlet::Run qw(spawn_process find_program exit_status
                    EXIT_SIMULATOR EXIT_TRIPLE_FAULT EXIT_NO_POWEROFF);
use Ringlet::Clock qw(qemu_clock_arguments);

use constant PROGRAM => 'qemu-system-i386';

# The CPU model: qemu32 with AMD's vendor string (AMD-V is AMD's: a
# guest or a demo that asks CPUID who made the CPU should not read
# "GenuineIntel") plus AMD-V.  Asking for SVM makes QEMU raise the
# highest extended CPUID leaf to 0x8000000a, whose EDX then reports
# nested paging (checked: CPUID 0x80000000 gives 0x8000000a, leaf
# 0x8000000a gives EDX bit 0, 0x80000001 gives ECX bit 2).
use constant CPU => 'qemu32,vendor=AuthenticAMD,+svm,+npt';

# CPU models for the launcher's portable --cpu names: no AMD-V at all,
# and AMD-V without nested paging.
my %CPU_BY_FEATURES = (nosvm => 'qemu32,vendor=AuthenticAMD',
                       nonpt => 'qemu32,vendor=AuthenticAMD,+svm');

# The kernel's power-off status goes to the isa-debug-exit device at
# this port; QEMU then exits with (STATUS << 1) | 1.
use constant DEBUG_EXIT_PORT => 0xf4;

# The real-time clock starts here and follows virtual time, so every
# run sees the same dates.
use constant RTC_BASE => '2000-01-01T00:00:00';

# Returns the GDB port of the current user: RINGLET_GDB_PORT if set,
# else one derived from the user id, so that users sharing a machine
# do not collide.
sub gdb_port
{
  my $port = $ENV{RINGLET_GDB_PORT};
  return $port if defined $port && $port =~ /^\d+$/;
  return 20000 + $< % 10000;
}

# Returns a new QEMU run for the launcher settings OPTS, with private
# files in folder TEMP.
sub new
{
  my ($class, $opts, $temp) = @_;
  my $program = find_program (PROGRAM)
    or fatal (PROGRAM . " not found: install Debian's qemu-system-x86 package");
  my $self = bless { opts => $opts, log => "$temp/qemu.log",
                     errors => "$temp/qemu.errors" }, $class;
  $self->{argv} = [$program, $self->arguments ()];
  return $self;
}

# Returns QEMU's arguments for this run.
sub arguments
{
  my ($self) = @_;
  my $opts = $self->{opts};
  my $cpu = defined $opts->{cpu} ? $CPU_BY_FEATURES{$opts->{cpu}} // $opts->{cpu} : CPU;
  # -nodefaults leaves out the devices nobody here uses (the VGA card,
  # the CD-ROM drive, the floppy drive, the network card): the
  # firmware then has no VGA BIOS to run and no CD-ROM to probe, which
  # made up about a third of QEMU's time before the boot sector
  # (utils/bench-check measures it).  The kernel's console writes to
  # VGA memory go nowhere; its output is the serial port's.
  my @args = ('-nodefaults', '-cpu', $cpu, '-m', $opts->{memory},
              '-display', 'none', '-serial', 'stdio', '-monitor', 'none',
              '-no-reboot',
              '-drive', "file=$opts->{output},format=raw,if=ide,index=0",
              '-device', sprintf ('isa-debug-exit,iobase=0x%x,iosize=0x04', DEBUG_EXIT_PORT),
              '-rtc', 'base=' . RTC_BASE . ',clock=vm',
              qemu_clock_arguments ($opts),
              # Log CPU resets, which is how a triple fault shows.
              '-d', 'cpu_reset', '-D', $self->{log});
  # Several CPUs take turns on -icount's one virtual clock (Ringlet::Clock).
  push @args, '-smp', $opts->{smp} if ($opts->{smp} // 1) > 1;
  push @args, '-kernel', $opts->{kernel}, '-append', multiboot_command_line ($opts)
    if $opts->{multiboot};
  push @args, '-gdb', 'tcp:127.0.0.1:' . gdb_port (), '-S' if $opts->{gdb};
  return @args;
}

# Returns the kernel command line as one string for multiboot, which
# separates arguments by spaces.
sub multiboot_command_line
{
  my ($opts) = @_;
  for my $arg (@{$opts->{args}})
    {
      fatal ("--multiboot cannot pass the kernel argument '$arg': it contains white space")
        if $arg =~ /\s/;
    }
  return join (' ', @{$opts->{args}});
}

# Starts QEMU.  Its serial port is its stdio: output comes back on a
# pipe, and input comes straight from the launcher's stdin (a terminal
# is put in raw mode by QEMU) unless -s was given.
sub start
{
  my ($self) = @_;
  pipe (my $read, my $write) or fatal ("cannot create a pipe: $!");
  if ($self->{opts}{gdb})
    {
      complain ('QEMU is waiting for GDB on localhost:' . gdb_port ()
                . "; in another terminal, in this folder, run $FindBin::RealBin/ringlet-gdb");
    }
  $self->{pid} = spawn_process ($self->{argv},
                                stdin => $self->{opts}{no_serial_input} ? '/dev/null' : undef,
                                stdout => $write, stderr => $self->{errors});
  close $write;
  $self->{output} = $read;
  $self->{input} = undef;
}

# Stops QEMU: SIGTERM first, which lets it restore a terminal it put in
# raw mode, then SIGKILL if it is still there a second later.
sub stop
{
  my ($self) = @_;
  return if defined exit_status ($self);
  kill 'TERM', $self->{pid};
  for (1 .. 20)
    {
      return if defined exit_status ($self);
      select (undef, undef, undef, 0.05);
    }
  kill 'KILL', $self->{pid};
  waitpid ($self->{pid}, 0);
  $self->{status} = $?;
}

# Returns the contents of FILE, or '' if it cannot be read.
sub read_text
{
  my ($file) = @_;
  open (my $fh, '<', $file) or return '';
  local $/;
  return <$fh> // '';
}

# Returns QEMU's own error messages of this run (warnings left out).
sub qemu_errors
{
  my ($self) = @_;
  return grep { /^qemu-system-\S+: / && !/warning:/i } split /\n/, read_text ($self->{errors});
}

# Returns (EXIT_CODE, EXPLANATION) for QEMU's exit with wait status
# WAIT_STATUS.  An odd exit code is the kernel's power-off status; 0
# means the machine reset (QEMU stops rather than reboots), which a
# triple fault also does.
sub outcome
{
  my ($self, $wait_status) = @_;
  my @errors = $self->qemu_errors ();
  return (EXIT_SIMULATOR, "QEMU was killed by signal " . ($wait_status & 127))
    if $wait_status & 127;
  my $code = $wait_status >> 8;
  return (EXIT_SIMULATOR, "QEMU failed: " . join ("; ", @errors)) if @errors;
  return ($code >> 1, undef) if $code & 1;
  if ($code == 0)
    {
      return (EXIT_TRIPLE_FAULT, 'triple fault: the simulated CPU reset itself (QEMU)')
        if read_text ($self->{log}) =~ /^Triple fault/m;
      return (EXIT_NO_POWEROFF, 'the machine reset or powered off without writing a status '
                                . sprintf ('to the isa-debug-exit port 0x%x', DEBUG_EXIT_PORT));
    }
  return (EXIT_SIMULATOR, "QEMU exited with status $code");
}

1;
