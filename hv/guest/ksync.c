/* Synchronization between the guest kernel's threads on several VCPUs:
   spinlocks, which count how long they made their waiters spin and
   can hand the CPU to a preempted holder's VCPU (directed yield), and
   counting semaphores, whose up may wake a thread on another VCPU. */

#include "hv/guest/kernel.h"

/* Whether a spinning VCPU yields to the lock holder's VCPU (the
   lock-holder-preemption mitigation).  A test switches it. */
volatile bool kspin_directed_yield = true;

/* Makes LOCK a free spinlock with zeroed statistics. */
void
kspin_init (struct kspin *lock)
{
  *lock = (struct kspin) { .locked = 0, .holder = -1 };
}

/* Tries once to take LOCK; returns true if it did. */
static bool
kspin_try (struct kspin *lock)
{
  return __atomic_exchange_n (&lock->locked, 1, __ATOMIC_ACQUIRE) == 0;
}

/* Waits until LOCK looks free, with PAUSE, and after every KSPIN_BOUND
   spins yields the CPU to the holder's VCPU if kspin_directed_yield
   is on.  Adds to *SPINS and *YIELDS. */
static void
kspin_wait (struct kspin *lock, uint64_t *spins, uint32_t *yields)
{
  unsigned since_yield = 0;

  while (lock->locked)
    {
      asm volatile ("pause" : : : "memory");
      ++*spins;
      if (++since_yield < KSPIN_BOUND || !kspin_directed_yield)
        continue;
      since_yield = 0;
      int holder = lock->holder;
      if (holder >= 0)
        {
          hypercall (HC_YIELD_TO, holder, 0);
          ++*yields;
        }
    }
}

/* Takes LOCK, spinning as long as it takes, without touching the
   interrupt flag.  The caller has interrupts off, or preemption off
   (kthread_preempt_disable), and keeps it so until kspin_unlock_raw:
   the guest kernel never preempts a holder. */
void
kspin_lock_raw (struct kspin *lock)
{
  uint64_t spins = 0;
  uint32_t yields = 0;
  uint64_t start = 0;

  ASSERT (!(read_eflags () & FLAG_IF) || smp_self ()->preempt_off > 0);
  if (!kspin_try (lock))
    {
      start = rdtsc ();
      do
        kspin_wait (lock, &spins, &yields);
      while (!kspin_try (lock));
    }
  lock->holder = smp_self ()->id;
  lock->acquires++;
  if (start != 0)
    {
      lock->contended++;
      lock->wait_cycles += rdtsc () - start;
      lock->spins += spins;
      lock->yields += yields;
    }
}

/* Releases LOCK, which the calling VCPU holds, without touching the
   interrupt flag. */
void
kspin_unlock_raw (struct kspin *lock)
{
  ASSERT (kspin_held_by_me (lock));
  lock->holder = -1;
  __atomic_store_n (&lock->locked, 0, __ATOMIC_RELEASE);
}

/* Masks interrupts and takes LOCK; kspin_release restores the
   interrupt flag as it was. */
void
kspin_acquire (struct kspin *lock)
{
  uint32_t flags = kernel_intr_disable ();

  kspin_lock_raw (lock);
  lock->saved_flags = flags;
}

/* Releases LOCK, taken with kspin_acquire, and restores the interrupt
   flag the holder had before. */
void
kspin_release (struct kspin *lock)
{
  uint32_t flags = lock->saved_flags;

  kspin_unlock_raw (lock);
  kernel_intr_restore (flags);
}

/* Takes LOCK with interrupts left as they are (on, usually) and the
   calling thread made unpreemptible until kspin_unlock.  For data no
   interrupt handler touches. */
void
kspin_lock (struct kspin *lock)
{
  kthread_preempt_disable ();
  kspin_lock_raw (lock);
}

/* Releases LOCK, taken with kspin_lock; the thread may be preempted
   again (at once, if its slice ran out meanwhile). */
void
kspin_unlock (struct kspin *lock)
{
  kspin_unlock_raw (lock);
  kthread_preempt_enable ();
}

/* Returns true if the calling VCPU holds LOCK.  Interrupts or
   preemption off. */
bool
kspin_held_by_me (const struct kspin *lock)
{
  return lock->locked && lock->holder == (int) smp_self ()->id;
}

/* Makes SEMA a semaphore with VALUE. */
void
ksema_init (struct ksema *sema, unsigned value)
{
  list_init (&sema->waiters);
  kspin_init (&sema->lock);
  sema->value = value;
}

/* Waits until SEMA's value is positive, then decrements it.  Sleeps
   (another thread runs meanwhile); must not be called from an
   interrupt handler. */
void
ksema_down (struct ksema *sema)
{
  uint32_t flags = kernel_intr_disable ();

  kspin_lock_raw (&sema->lock);
  while (sema->value == 0)
    {
      list_push_back (&sema->waiters, &kthread_current ()->elem);
      kthread_block (&sema->lock);
      kspin_lock_raw (&sema->lock);
    }
  sema->value--;
  kspin_unlock_raw (&sema->lock);
  kernel_intr_restore (flags);
}

/* Increments SEMA's value and wakes its longest waiter, which goes to
   a run queue the scheduling policy chooses (perhaps another VCPU's,
   which then gets an IPI if it is idle).  May be called with
   interrupts off. */
void
ksema_up (struct ksema *sema)
{
  uint32_t flags = kernel_intr_disable ();

  kspin_lock_raw (&sema->lock);
  sema->value++;
  if (!list_empty (&sema->waiters))
    kthread_unblock (list_entry (list_pop_front (&sema->waiters),
                                 struct kthread, elem));
  kspin_unlock_raw (&sema->lock);
  kernel_intr_restore (flags);
}
