/* Synchronization primitives: counting semaphores, locks and
   condition variables.

   A semaphore is the one primitive that touches the scheduler: it
   blocks waiting threads with thread_block () and wakes them with
   thread_unblock ().  Locks are semaphores with an owner; a condition
   variable gives each waiter a semaphore of its own. */

#include "threads/synch.h"
#include <debug.h>
#include <stdio.h>
#include "threads/interrupt.h"
#include "threads/thread.h"

/* One thread waiting in cond_wait (), in a condition's WAITERS. */
struct cond_waiter
  {
    struct list_elem elem;      /* Element in the condition's WAITERS. */
    struct semaphore semaphore; /* Upped to wake this waiter. */
    struct thread *thread;      /* The waiting thread. */
  };

/* LAB threads: priority */
/* Waking by priority.  Waiters wait in arrival order; a wake-up takes
   the waiter of highest priority, the earliest of equals (list_max
   returns the first of several maximal elements).  Priorities can
   change while threads wait, through donation, so the choice is made
   at wake-up time rather than by keeping the list sorted.

   Priority donation.  A thread about to wait for a lock lends its
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

/* list_max () order of threads in a semaphore's waiters: by priority. */
static bool
waiter_priority_less (const struct list_elem *a, const struct list_elem *b,
                      void *aux UNUSED)
{
  return list_entry (a, struct thread, elem)->priority
         < list_entry (b, struct thread, elem)->priority;
}

/* list_max () order of a condition's waiters: by their threads'
   priorities. */
static bool
cond_waiter_priority_less (const struct list_elem *a,
                           const struct list_elem *b, void *aux UNUSED)
{
  return list_entry (a, struct cond_waiter, elem)->thread->priority
         < list_entry (b, struct cond_waiter, elem)->thread->priority;
}

/* Removes and returns the element of WAITERS, which is not empty,
   that LESS ranks highest. */
static struct list_elem *
waiters_pop_max (struct list *waiters, list_less_func *less)
{
  struct list_elem *e = list_max (waiters, less, NULL);
  list_remove (e);
  return e;
}

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

/* Makes the current thread the holder of LOCK, whose semaphore it has
   just taken.  Threads still waiting for LOCK now lend their
   priorities to it.  Interrupts must be off. */
static void
lock_take (struct lock *lock)
{
  struct thread *cur = thread_current ();

  cur->waiting_lock = NULL;
  lock->holder = cur;
  list_push_back (&cur->held_locks, &lock->elem);
  thread_refresh_priority (cur);
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
/* END LAB */

/* Sets SEMA's value to VALUE, with no waiters.  Interrupts may be
   on or off; does not sleep. */
void
sema_init (struct semaphore *sema, unsigned value)
{
  ASSERT (sema != NULL);
  sema->value = value;
  list_init (&sema->waiters);
}

/* Waits until SEMA's value is positive, then decrements it (the "P"
   or "down" operation).  May sleep, so not from an interrupt handler;
   may be called with interrupts off, and if it sleeps the next
   thread to run turns them back on. */
void
sema_down (struct semaphore *sema)
{
  enum intr_level old_level;

  ASSERT (sema != NULL);
  ASSERT (!intr_context ());

  old_level = intr_disable ();
  while (sema->value == 0)
    {
      list_push_back (&sema->waiters, &thread_current ()->elem);
      thread_block ();
    }
  sema->value--;
  intr_set_level (old_level);
}

/* Decrements SEMA's value if it is positive and returns true;
   otherwise returns false at once.  Does not sleep, so interrupt
   handlers may call it. */
bool
sema_try_down (struct semaphore *sema)
{
  enum intr_level old_level;
  bool success = false;

  ASSERT (sema != NULL);

  old_level = intr_disable ();
  if (sema->value > 0)
    {
      sema->value--;
      success = true;
    }
  intr_set_level (old_level);
  return success;
}

/* Increments SEMA's value and wakes one waiting thread, if any (the
   "V" or "up" operation).  Does not sleep, so interrupt handlers may
   call it.  Under the priority scheduler, the thread woken is the
   waiter of highest priority, and if it outranks the caller it runs
   at once: the caller yields, or an interrupt handler yields when it
   returns. */
void
sema_up (struct semaphore *sema)
{
  enum intr_level old_level;

  ASSERT (sema != NULL);

/* LAB threads: priority */
  old_level = intr_disable ();
  if (!list_empty (&sema->waiters))
    thread_unblock (list_entry (waiters_pop_max (&sema->waiters,
                                                 waiter_priority_less),
                                struct thread, elem));
  sema->value++;
  intr_set_level (old_level);
  thread_preempt ();
/* STUB:
  old_level = intr_disable ();
  if (!list_empty (&sema->waiters))
    thread_unblock (list_entry (list_pop_front (&sema->waiters),
                                struct thread, elem));
  sema->value++;
  intr_set_level (old_level);
*/
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

/* Makes LOCK free.  A lock is held by at most one thread at a time
   and is not recursive: the holder may not acquire it again.  Unlike
   a semaphore with value 1, only the thread that acquired a lock may
   release it.  Does not sleep. */
void
lock_init (struct lock *lock)
{
  ASSERT (lock != NULL);
  lock->holder = NULL;
  sema_init (&lock->semaphore, 1);
}

/* Waits until LOCK is free, then takes it for the current thread,
   which must not hold it already.  May sleep, so not from an
   interrupt handler; may be called with interrupts off.  Under the
   priority scheduler, a thread that waits donates its priority to
   the holder until the holder releases LOCK. */
void
lock_acquire (struct lock *lock)
{
  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));

/* LAB threads: priority */
  enum intr_level old_level = intr_disable ();
  if (lock->holder != NULL && !thread_mlfqs)
    lock_donate (lock);
  sema_down (&lock->semaphore);
  lock_take (lock);
  intr_set_level (old_level);
/* STUB:
  sema_down (&lock->semaphore);
  lock->holder = thread_current ();
*/
/* END LAB */
}

/* Takes LOCK for the current thread, which must not hold it already,
   and returns true if LOCK is free; otherwise returns false at once.
   Does not sleep, but interrupt handlers have no current thread to
   own a lock, so not from one. */
bool
lock_try_acquire (struct lock *lock)
{
  bool success;

  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));

/* LAB threads: priority */
  enum intr_level old_level = intr_disable ();
  success = sema_try_down (&lock->semaphore);
  if (success)
    lock_take (lock);
  intr_set_level (old_level);
/* STUB:
  success = sema_try_down (&lock->semaphore);
  if (success)
    lock->holder = thread_current ();
*/
/* END LAB */
  return success;
}

/* Releases LOCK, which the current thread must hold, and wakes a
   thread waiting for it, the way sema_up () does.  A priority the
   current thread received through LOCK ends here.  Does not sleep. */
void
lock_release (struct lock *lock)
{
  ASSERT (lock != NULL);
  ASSERT (lock_held_by_current_thread (lock));

/* LAB threads: priority */
  enum intr_level old_level = intr_disable ();
  lock->holder = NULL;
  list_remove (&lock->elem);
  thread_refresh_priority (thread_current ());
  sema_up (&lock->semaphore);
  intr_set_level (old_level);
/* STUB:
  lock->holder = NULL;
  sema_up (&lock->semaphore);
*/
/* END LAB */
}

/* Returns true if the current thread holds LOCK.  (Whether some
   other thread holds it could change the moment after asking.) */
bool
lock_held_by_current_thread (const struct lock *lock)
{
  ASSERT (lock != NULL);
  return lock->holder == thread_current ();
}

/* Makes COND a condition variable with no waiters.  Does not sleep. */
void
cond_init (struct condition *cond)
{
  ASSERT (cond != NULL);
  list_init (&cond->waiters);
}

/* Releases LOCK, which the current thread must hold, waits until
   another thread signals COND, and acquires LOCK again before
   returning.  Mesa semantics: a signal is a hint, not a hand-over,
   so the caller rechecks its condition in a loop.  Sleeps, so not
   from an interrupt handler. */
void
cond_wait (struct condition *cond, struct lock *lock)
{
  struct cond_waiter waiter;

  ASSERT (cond != NULL);
  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (lock_held_by_current_thread (lock));

  sema_init (&waiter.semaphore, 0);
  waiter.thread = thread_current ();
  list_push_back (&cond->waiters, &waiter.elem);
  lock_release (lock);
  sema_down (&waiter.semaphore);
  lock_acquire (lock);
}

/* Wakes one thread waiting on COND, if any: under the priority
   scheduler the one of highest priority, otherwise the one that has
   waited longest.  LOCK, the lock guarding COND, must be held by the
   current thread.  Does not sleep; not from an interrupt handler
   (which cannot hold LOCK). */
void
cond_signal (struct condition *cond, struct lock *lock)
{
  ASSERT (cond != NULL);
  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (lock_held_by_current_thread (lock));

/* LAB threads: priority */
  if (!list_empty (&cond->waiters))
    sema_up (&list_entry (waiters_pop_max (&cond->waiters,
                                           cond_waiter_priority_less),
                          struct cond_waiter, elem)->semaphore);
/* STUB:
  if (!list_empty (&cond->waiters))
    sema_up (&list_entry (list_pop_front (&cond->waiters),
                          struct cond_waiter, elem)->semaphore);
*/
/* END LAB */
}

/* Wakes every thread waiting on COND.  LOCK must be held by the
   current thread.  Does not sleep. */
void
cond_broadcast (struct condition *cond, struct lock *lock)
{
  ASSERT (cond != NULL);
  ASSERT (lock != NULL);

  while (!list_empty (&cond->waiters))
    cond_signal (cond, lock);
}
