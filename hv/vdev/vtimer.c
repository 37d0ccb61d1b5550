/* The virtual timers: each VCPU has a periodic timer that its guest
   programs through MMIO registers at HV_VTIMER_BASE (hv/abi.h) -- an
   access reaches the timer of the VCPU that makes it, as a local
   APIC's timer would -- counting in the VM's ticks, which are the
   host timer's, or TDF of them in a VM dilated by a factor TDF
   (docs/hv.md, section 12).
   NEXT stays in host ticks, as the scheduler and the halt wake-up
   (vdev_vtimer_next) want it.
   Expiries are counted as they fall due; each one becomes one
   interrupt, which hv/irq.c delivers when the guest can take it. */

#include "hv/hv.h"
#include "devices/timer.h"

/* Returns how many host ticks GUEST_TICKS of VM's ticks last. */
static int64_t
vdev_vtimer_host_ticks (const struct vm *vm, uint32_t guest_ticks)
{
  return (int64_t) guest_ticks * vm->tdf;
}

/* Starts VCPU's timer stopped, raising vector HV_VECTOR_MIN once
   armed. */
void
vdev_vtimer_init (struct vcpu *vcpu)
{
  struct vdev_vtimer *t = &vcpu->vtimer;

  t->period = 0;
  t->vector = HV_VECTOR_MIN;
  t->next = 0;
  t->fired = t->pending = 0;
}

/* Counts the expiries of VCPU's timer due by now. */
void
vdev_vtimer_update (struct vcpu *vcpu)
{
  struct vdev_vtimer *t = &vcpu->vtimer;
  if (t->period == 0)
    return;

  int64_t now = timer_ticks ();
  while (t->next <= now)
    {
      t->fired++;
      t->pending++;
      t->next += vdev_vtimer_host_ticks (vcpu->vm, t->period);
    }
}

/* Returns the host tick at which VCPU's timer next expires, or -1 if
   it is stopped.  For VCPU 0 the PC's timers count too once its guest
   has set up the PIC: their interrupts come to it through the PIC. */
int64_t
vdev_vtimer_next (const struct vcpu *vcpu)
{
  int64_t next = vcpu->vtimer.period != 0 ? vcpu->vtimer.next : -1;
  if (vcpu->index == 0 && vcpu->vm->pic.chip[0].initialised)
    {
      int64_t pc = vdev_pc_next_tick (vcpu->vm);
      if (pc >= 0 && (next < 0 || pc < next))
        next = pc;
    }
  return next;
}

/* Returns the VM's ticks since it started: host ticks divided by its
   time dilation factor. */
uint32_t
vdev_vtimer_now (const struct vm *vm)
{
  return (timer_ticks () - vm->start_tick) / vm->tdf;
}

/* Returns the VM's host ticks since it started, never dilated. */
uint32_t
vdev_vtimer_host_now (const struct vm *vm)
{
  return timer_ticks () - vm->start_tick;
}

/* Carries out a guest access by VCPU to its timer register at
   OFFSET: a WRITE of *VALUE or a read into *VALUE, SIZE bytes.
   Returns false for an access the device does not have (not a whole
   32-bit register); a write of an exception vector is ignored. */
bool
vdev_vtimer_mmio (struct vcpu *vcpu, uint32_t offset, bool write,
                  unsigned size, uint32_t *value)
{
  struct vdev_vtimer *t = &vcpu->vtimer;

  if (size != 4 || offset % 4 != 0 || offset > HV_VTIMER_NOW)
    return false;
  vdev_vtimer_update (vcpu);
  if (!write)
    {
      switch (offset)
        {
        case HV_VTIMER_PERIOD: *value = t->period; break;
        case HV_VTIMER_VECTOR: *value = t->vector; break;
        case HV_VTIMER_FIRED: *value = t->fired; break;
        default: *value = vdev_vtimer_now (vcpu->vm); break;
        }
      return true;
    }
  if (offset == HV_VTIMER_PERIOD)
    {
      t->period = *value;
      t->next = timer_ticks () + vdev_vtimer_host_ticks (vcpu->vm, *value);
    }
  else if (offset == HV_VTIMER_VECTOR && *value >= HV_VECTOR_MIN
           && *value <= UINT8_MAX)
    t->vector = *value;
  return true;
}
