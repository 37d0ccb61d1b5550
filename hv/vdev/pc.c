/* The PC devices of a VM together: setting them up and tearing them
   down, the VM's virtual clock they all run on, and bringing the
   timers up to date before the VCPU loop looks for interrupts.

   Every VM has them; a guest written for the hv's own interface
   (hv/abi.h) simply never touches their ports.  Their interrupts go
   through the PIC pair to VCPU 0 (hv/irq.c). */

#include <string.h>
#include "hv/hv.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"

#define NSEC_PER_TICK (1000000000ull / HV_TICK_HZ)

/* Sets up VM's PC devices as a machine's power-on leaves them. */
void
vdev_pc_init (struct vm *vm)
{
  spin_init (&vm->pc_lock);
  vdev_pic_init (vm);
  vdev_pit_init (vm);
  vdev_rtc_init (vm);
  vdev_kbc_init (vm);
  vdev_ide_init (vm);
}

/* Resets VM's devices as pressing a PC's reset button does: all but
   the battery-backed clock (its time and CMOS bytes) come back as at
   power-on, and the disks stay attached.  Only while no VCPU runs
   (vm_restart). */
void
vdev_pc_reset (struct vm *vm)
{
  vdev_pic_init (vm);
  vdev_pit_init (vm);
  vdev_kbc_init (vm);
  vdev_ide_reset (vm);
  memset (&vm->serial, 0, sizeof vm->serial);
  memset (&vm->vga, 0, sizeof vm->vga);
}

/* Takes VM's pc_lock, which guards the devices whose state VCPU 0's
   CPU and the boot CPU's port exits both touch (PIC, PIT, RTC), with
   interrupts off on this CPU; returns the old interrupt level. */
enum intr_level
vdev_pc_lock (struct vm *vm)
{
  enum intr_level old = intr_disable ();
  spin_lock (&vm->pc_lock);
  return old;
}

/* Releases VM's pc_lock and restores interrupt level OLD. */
void
vdev_pc_unlock (struct vm *vm, enum intr_level old)
{
  spin_unlock (&vm->pc_lock);
  intr_set_level (old);
}

/* Releases what VM's PC devices hold (the disks' files). */
void
vdev_pc_destroy (struct vm *vm)
{
  vdev_ide_destroy (vm);
}

/* Returns the VM's virtual time: nanoseconds of the host's clock
   since it started (0 before), divided by its time dilation factor.
   Every device that keeps time reads this, so a VM's sense of time
   is bent in this one place (docs/hv.md, section 12). */
uint64_t
vdev_clock_ns (const struct vm *vm)
{
  return vdev_host_ns (vm) / vm->tdf;
}

/* Returns the nanoseconds of the host's clock since VM started (0
   before), undilated. */
uint64_t
vdev_host_ns (const struct vm *vm)
{
  if (!vm->started)
    return 0;
  uint64_t per_tick = vsched_cycles_per_tick ();
  uint64_t delta = rdtsc () - vm->start_tsc;
  return delta / per_tick * NSEC_PER_TICK
         + delta % per_tick * NSEC_PER_TICK / per_tick;
}

/* Moves VM's start back so that vdev_host_ns reads HOST_NS now: a VM
   whose state was copied in goes on from its source's time
   (hv/vmstate.c). */
void
vdev_set_host_ns (struct vm *vm, uint64_t host_ns)
{
  uint64_t per_tick = vsched_cycles_per_tick ();
  uint64_t cycles = (host_ns / NSEC_PER_TICK * per_tick
                     + host_ns % NSEC_PER_TICK * per_tick / NSEC_PER_TICK);
  vm->start_tsc = rdtsc () - cycles;
}

/* Brings VM's timers up to date, raising the interrupts that have
   fallen due. */
void
vdev_pc_update (struct vm *vm)
{
  vdev_pit_update (vm);
  vdev_rtc_update (vm);
}

/* Returns the host tick at which VM's PC timers next raise an
   interrupt, or -1 if none is armed.  Their times are the VM's
   (vdev_clock_ns): a dilated VM's nanosecond lasts TDF of the host's. */
int64_t
vdev_pc_next_tick (struct vm *vm)
{
  int64_t ns = vdev_pit_next_ns (vm);
  int64_t rtc = vdev_rtc_next_ns (vm);
  if (ns < 0 || (rtc >= 0 && rtc < ns))
    ns = rtc;
  if (ns < 0)
    return -1;
  uint64_t host_ns = (uint64_t) ns * vm->tdf;
  return vm->start_tick + (int64_t) ((host_ns + NSEC_PER_TICK - 1)
                                     / NSEC_PER_TICK);
}
