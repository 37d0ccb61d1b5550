# Ringlet::Clock -- which clock a run's simulator keeps.  Tests keep
# virtual time that follows the instruction count: the same kernel
# prints the same output every run, and an idle kernel skips straight
# to its next timer interrupt.  An interactive run keeps the wall
# clock instead: a person is typing, so a kernel second must be a real
# second and an idle CPU must let the host's CPU sleep.
package Ringlet::Clock;

use strict;
use warnings;
use Exporter qw(import);
use Ringlet::Run qw(icount_shift);

our @EXPORT_OK = qw(realtime_clock qemu_clock_arguments bochs_clock_setting
                    bochs_ips);

# Returns true if the run with launcher settings OPTS keeps the wall
# clock: --realtime asks for it, --virtual-time forbids it, and
# otherwise a run keeps it when the kernel's serial input comes from a
# terminal (not with -s, nor under Bochs's debugger, where repeatable
# runs help more than real seconds).
sub realtime_clock
{
  my ($opts) = @_;
  return 1 if $opts->{realtime};
  return 0 if $opts->{virtual_time} || $opts->{bochs_debug} || $opts->{no_serial_input};
  return -t STDIN ? 1 : 0;
}

# Returns QEMU's clock arguments for run OPTS.  Virtual time: -icount
# with the launcher's shift and sleep=off, so a halted CPU jumps to its
# next timer and QEMU never sleeps (measured: an idle interactive
# kernel counted about 9,500 ticks of its 100 Hz timer per real second
# and QEMU kept more than half a host CPU busy).  Wall clock: -icount
# shift=auto,sleep=on, which keeps the instruction-timed clock within
# reach of real time and lets a halted CPU wait in the host.  Measured
# on a loaded 2-core host: 98 ticks per real second, against 93 with no
# -icount at all, and well under a tenth of a host CPU while the kernel
# idles.
#
# Several CPUs keep -icount too: QEMU then runs them in turn in one
# thread, on one virtual clock.  (Measured with QEMU 7.2: once the boot
# CPU ran a guest without pause, the other CPUs got no turn at all, so
# the hv runs guests only on the other CPUs: docs/sched.md.)
sub qemu_clock_arguments
{
  my ($opts) = @_;
  return ('-icount', 'shift=auto,sleep=on') if realtime_clock ($opts);
  return ('-icount', 'shift=' . icount_shift () . ',sleep=off');
}

# Instructions per second Bochs is told to run at with the wall clock:
# what it reaches on a typical host.  With sync=slowdown, Bochs never
# runs ahead of real time; if the host cannot keep up, the guest's
# clock runs slow rather than fast.
use constant BOCHS_REALTIME_IPS => 15000000;

# Returns the bochsrc "clock:" line for run OPTS, with the clock
# starting at Unix time TIME0.  Virtual time: sync=none, so time
# follows the instruction count.  Wall clock: sync=slowdown, so Bochs
# waits whenever its clock gets ahead of the host's, which is what
# lets it sleep while the guest is halted.  Measured on a loaded
# 2-core host: with sync=none an idle shell counted 2,200 ticks per
# real second and Bochs took half a host CPU; with sync=realtime it
# counted 99 but still took half a CPU; with sync=slowdown, 95 ticks
# per second of a CPU-bound test and a few percent of a CPU when idle.
sub bochs_clock_setting
{
  my ($opts, $time0) = @_;
  my $sync = realtime_clock ($opts) ? 'slowdown' : 'none';
  return "clock: sync=$sync, time0=$time0";
}

# Returns the instructions per second for Bochs's "cpu: ips=" in run
# OPTS: VIRTUAL_IPS, the figure that matches QEMU's virtual time, or
# BOCHS_REALTIME_IPS with the wall clock.
sub bochs_ips
{
  my ($opts, $virtual_ips) = @_;
  return realtime_clock ($opts) ? BOCHS_REALTIME_IPS : $virtual_ips;
}

1;
