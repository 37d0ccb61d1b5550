/* Spinlocks for what the CPUs share (hv/smp.h): a word taken with an
   atomic exchange.  They guard data the boot CPU and the others both
   touch, never the host kernel's own structures, which stay the boot
   CPU's under the kernel's rules. */

#include "hv/smp.h"
#include <debug.h>
#include "threads/cpu.h"

/* Makes LOCK free. */
void
spin_init (struct spinlock *lock)
{
  lock->held = 0;
}

/* Atomically sets LOCK's word and returns its old value. */
static uint32_t
spin_exchange (struct spinlock *lock)
{
  uint32_t value = 1;
  asm volatile ("xchgl %0, %1" : "+r" (value), "+m" (lock->held)
                : : "memory");
  return value;
}

/* Takes LOCK, spinning until it is free.  Interrupts must be off on
   this CPU, or an interrupt handler taking the same lock would spin
   for ever. */
void
spin_lock (struct spinlock *lock)
{
  ASSERT (!(read_eflags () & FLAG_IF));
  while (spin_exchange (lock) != 0)
    while (lock->held)
      asm volatile ("pause");
}

/* Releases LOCK, which this CPU holds. */
void
spin_unlock (struct spinlock *lock)
{
  ASSERT (lock->held);
  asm volatile ("" : : : "memory");
  lock->held = 0;
}
