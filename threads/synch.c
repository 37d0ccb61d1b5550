/* Synchronization primitives: counting semaphores, locks and
   condition variables.

   Only the semaphore deals with the scheduler: a thread that must
   wait files itself in the semaphore's WAITERS and calls
   thread_block (), and sema_up () hands one waiter to
   thread_unblock ().  A lock is a semaphore of value 1 that records
   its holder; a condition variable queues one private semaphore per
   waiting thread.  All three are safe against interrupts because the
   kernel runs on one CPU and each operation works with interrupts
   off. */

#include "threads/synch.h"
#include <debug.h>
#include <stdio.h>
#include "threads/interrupt.h"
#include "threads/thread.h"

/* A thread asleep in cond_wait (): an entry in a condition's
   WAITERS, with the semaphore cond_signal () raises to wake it. */
struct cond_waiter
  {
    struct list_elem elem;      /* In the condition's WAITERS. */
    struct semaphore semaphore; /* Starts at 0; upped once to wake. */
    struct thread *thread;      /* Who is waiting. */
  };

/* Orders the threads of a semaphore's WAITERS by priority, for
   waiters_take () and list_max (). */
static bool
waiter_priority_less (const struct list_elem *a, const struct list_elem *b,
                      void *aux UNUSED)
{
  return list_entry (a, struct thread, elem)->priority
         < list_entry (b, struct thread, elem)->priority;
}

/* Orders the entries of a condition's WAITERS by their threads'
   priorities, for waiters_take (). */
static bool
cond_waiter_priority_less (const struct list_elem *a,
                           const struct list_elem *b, void *aux UNUSED)
{
  return list_entry (a, struct cond_waiter, elem)->thread->priority
         < list_entry (b, struct cond_waiter, elem)->thread->priority;
}

/* Removes from WAITERS, which is not empty, the waiter to wake next,
   and returns it.  LESS orders the waiters by priority.  Both
   semaphores and condition variables choose through here. */
/* LAB threads: priority */
/* Waking by priority.  Waiters wait in arrival order; a wake-up takes
   the waiter of highest priority, the earliest of equals (list_max
   returns the first of several maximal elements).  Priorities can
   change while threads wait, through donation, so the choice is made
   at wake-up time rather than by keeping the list sorted. */
static struct list_elem *
waiters_take (struct list *waiters, list_less_func *less)
{
  struct list_elem *e = list_max (waiters, less, NULL);
  list_remove (e);
  return e;
}

/* Priority donation.  A thread about to wait for a lock lends its
   priority to the lock's holder and, if that holder waits for another
   lock, to that lock's holder, and so on: the whole chain then runs
   at least at the waiter's priority until the locks are released.
   This keeps the invariant that a lock holder's priority is at least
   that of every thread waiting for one of its locks, so the walk can
   stop at the first holder that already has the priority.  A holder
   that releases a lock gives back what that lock's waiters lent it:
   its priority falls back to its own or to what its other locks still
   carry (thread_refresh_priority ()).  The MLFQS scheduler does not
   donate. */

/* Lends the current thread's priority along the chain of holders
   that starts at LOCK's holder, as it is about to wait for LOCK.
   Interrupts must be off. */
static void
lock_donate (struct lock *lock)
{
  struct thread *cur = thread_current ();
  struct thread *holder = lock->holder;

  cur->waiting_lock = lock;
  while (holder != NULL && holder->priority < cur->priority)
    {
      thread_donate_priority (holder, cur->priority);
      holder = holder->waiting_lock != NULL ? holder->waiting_lock->holder
                                            : NULL;
    }
}

/* Returns the highest priority among the threads waiting for the
   locks T holds, or PRI_MIN if none waits.  Interrupts must be off. */
int
lock_donated_priority (struct thread *t)
{
  int donated = PRI_MIN;

  ASSERT (intr_get_level () == INTR_OFF);
  for (struct list_elem *e = list_begin (&t->held_locks);
       e != list_end (&t->held_locks); e = list_next (e))
    {
      struct list *waiters = &list_entry (e, struct lock, elem)->semaphore.waiters;
      if (list_empty (waiters))
        continue;
      struct thread *w = list_entry (list_max (waiters, waiter_priority_less,
                                               NULL), struct thread, elem);
      if (w->priority > donated)
        donated = w->priority;
    }
  return donated;
}
/* STUB:
static struct list_elem *
waiters_take (struct list *waiters, list_less_func *less UNUSED)
{
  return list_pop_front (waiters);
}
*/
/* END LAB */

/* Takes one unit of SEMA if its value is positive, returning true;
   returns false if the value is 0.  Interrupts must be off. */
static bool
sema_take (struct semaphore *sema)
{
  ASSERT (intr_get_level () == INTR_OFF);

  if (sema->value == 0)
    return false;
  sema->value--;
  return true;
}

/* Makes SEMA a semaphore whose value is VALUE and on which nobody
   waits yet.  Never sleeps. */
void
sema_init (struct semaphore *sema, unsigned value)
{
  list_init (&sema->waiters);
  sema->value = value;
}

/* Takes one unit of SEMA if that needs no waiting, and returns
   whether it did.  Never sleeps: interrupt handlers may use it. */
bool
sema_try_down (struct semaphore *sema)
{
  enum intr_level old_level = intr_disable ();
  bool taken = sema_take (sema);
  intr_set_level (old_level);
  return taken;
}

/* The "down" or "P" operation: takes one unit of SEMA, sleeping as
   long as SEMA's value is 0.  May sleep, so never from an interrupt
   handler.  The caller may have interrupts off; they are off again
   when this returns. */
void
sema_down (struct semaphore *sema)
{
  ASSERT (!intr_context ());

  enum intr_level old_level = intr_disable ();
  while (!sema_take (sema))
    {
      list_push_back (&sema->waiters, &thread_current ()->elem);
      thread_block ();
    }
  intr_set_level (old_level);
}

/* The "up" or "V" operation: gives SEMA one more unit and, if
   threads wait for one, readies one of them.  Never sleeps:
   interrupt handlers may use it.  Under the priority scheduler the
   thread readied is the waiter of highest priority, and it runs at
   once if it outranks the caller (from an interrupt handler: as soon
   as the handler returns). */
void
sema_up (struct semaphore *sema)
{
  enum intr_level old_level = intr_disable ();
  sema->value++;
  if (!list_empty (&sema->waiters))
    thread_unblock (list_entry (waiters_take (&sema->waiters,
                                              waiter_priority_less),
                                struct thread, elem));
  intr_set_level (old_level);
/* LAB threads: priority */
  thread_preempt ();
/* END LAB */
}

/* The two semaphores sema_self_test () bounces control between. */
struct sema_pair
  {
    struct semaphore ping;      /* Upped by the test, downed by the helper. */
    struct semaphore pong;      /* Upped by the helper, downed by the test. */
  };

/* Rounds sema_self_test () makes. */
#define SEMA_SELF_TEST_ROUNDS 10

/* Helper thread of sema_self_test (): answers each "ping" on the
   struct sema_pair AUX with a "pong". */
static void
sema_self_test_helper (void *aux)
{
  struct sema_pair *pair = aux;
  int i;

  for (i = 0; i < SEMA_SELF_TEST_ROUNDS; i++)
    {
      sema_down (&pair->ping);
      sema_up (&pair->pong);
    }
}

/* Checks that semaphores pass control back and forth between two
   threads: this thread and a helper alternate SEMA_SELF_TEST_ROUNDS
   times.  Prints what it does.  Sleeps; needs the scheduler running. */
void
sema_self_test (void)
{
  struct sema_pair pair;
  int i;

  printf ("Semaphore self-test: ");
  sema_init (&pair.ping, 0);
  sema_init (&pair.pong, 0);
  thread_create ("sema-self-test", PRI_DEFAULT, sema_self_test_helper,
                 &pair);
  for (i = 0; i < SEMA_SELF_TEST_ROUNDS; i++)
    {
      sema_up (&pair.ping);
      sema_down (&pair.pong);
    }
  printf ("%d round trips, passed.\n", SEMA_SELF_TEST_ROUNDS);
}

/* Makes LOCK free.  A lock has at most one holder, which alone may
   release it, and may not be acquired again by its holder: that
   difference from a semaphore of value 1 is what lets the priority
   scheduler know whom to donate to.  Never sleeps. */
void
lock_init (struct lock *lock)
{
  sema_init (&lock->semaphore, 1);
  lock->holder = NULL;
}

/* Records the current thread as the holder of LOCK, whose semaphore
   it has just taken.  Interrupts must be off. */
static void
lock_take (struct lock *lock)
{
  struct thread *cur = thread_current ();

  ASSERT (intr_get_level () == INTR_OFF && lock->holder == NULL);
  lock->holder = cur;
/* LAB threads: priority */
  /* The threads still waiting for LOCK now lend their priorities to
     the current thread. */
  cur->waiting_lock = NULL;
  list_push_back (&cur->held_locks, &lock->elem);
  thread_refresh_priority (cur);
/* END LAB */
}

/* Acquires LOCK for the current thread, which must not hold it,
   sleeping until it is free.  May sleep, so never from an interrupt
   handler; the caller may have interrupts off.  Under the priority
   scheduler a thread that has to wait lends its priority to the
   holder until the holder releases LOCK. */
void
lock_acquire (struct lock *lock)
{
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));

  enum intr_level old_level = intr_disable ();
/* LAB threads: priority */
  if (lock->holder != NULL && !thread_mlfqs)
    lock_donate (lock);
/* END LAB */
  sema_down (&lock->semaphore);
  lock_take (lock);
  intr_set_level (old_level);
}

/* Acquires LOCK for the current thread, which must not hold it, if
   LOCK is free, and returns whether it did.  Never sleeps, but not
   from an interrupt handler either: a handler is no thread that could
   hold a lock. */
bool
lock_try_acquire (struct lock *lock)
{
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));

  enum intr_level old_level = intr_disable ();
  bool acquired = sema_try_down (&lock->semaphore);
  if (acquired)
    lock_take (lock);
  intr_set_level (old_level);
  return acquired;
}

/* Gives up LOCK, which the current thread holds, and readies one of
   the threads waiting for it as sema_up () does.  Whatever priority
   the current thread had on loan through LOCK ends here.  Never
   sleeps. */
void
lock_release (struct lock *lock)
{
  ASSERT (lock_held_by_current_thread (lock));

  enum intr_level old_level = intr_disable ();
  lock->holder = NULL;
/* LAB threads: priority */
  list_remove (&lock->elem);
  thread_refresh_priority (thread_current ());
/* END LAB */
  sema_up (&lock->semaphore);
  intr_set_level (old_level);
}

/* Returns true if the running thread holds LOCK.  Asking about any
   other thread would be pointless: the answer could change before
   the caller used it. */
bool
lock_held_by_current_thread (const struct lock *lock)
{
  return lock->holder == thread_current ();
}

/* Makes COND a condition variable nobody waits on.  Never sleeps. */
void
cond_init (struct condition *cond)
{
  list_init (&cond->waiters);
}

/* Wakes one thread waiting on COND, if any: the one of highest
   priority under the priority scheduler.  The current thread must
   hold LOCK, the lock that guards COND.  Never sleeps; not from an
   interrupt handler, which cannot hold LOCK. */
void
cond_signal (struct condition *cond, struct lock *lock)
{
  ASSERT (!intr_context ());
  ASSERT (lock_held_by_current_thread (lock));

  if (list_empty (&cond->waiters))
    return;
  struct list_elem *e = waiters_take (&cond->waiters,
                                      cond_waiter_priority_less);
  sema_up (&list_entry (e, struct cond_waiter, elem)->semaphore);
}

/* Wakes every thread waiting on COND.  The current thread must hold
   LOCK, the lock that guards COND, so no thread can start waiting
   meanwhile.  Never sleeps. */
void
cond_broadcast (struct condition *cond, struct lock *lock)
{
  size_t waiting = list_size (&cond->waiters);

  while (waiting-- > 0)
    cond_signal (cond, lock);
}

/* Atomically releases LOCK, which the current thread holds, and
   waits for a cond_signal () or cond_broadcast () on COND; takes LOCK
   back before returning.  Signals are Mesa-style hints: another
   thread may run between the signal and this return, so callers
   re-test their condition in a loop.  Sleeps, so never from an
   interrupt handler. */
void
cond_wait (struct condition *cond, struct lock *lock)
{
  ASSERT (!intr_context ());
  ASSERT (lock_held_by_current_thread (lock));

  struct cond_waiter self = { .thread = thread_current () };
  sema_init (&self.semaphore, 0);

  /* Queued before LOCK is let go, so no signal can slip past. */
  list_push_back (&cond->waiters, &self.elem);
  lock_release (lock);
  sema_down (&self.semaphore);
  lock_acquire (lock);
}
