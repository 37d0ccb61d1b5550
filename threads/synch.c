/* Synchronization primitives: counting semaphores, locks and
   condition variables, as the threads lab starts from.

   A semaphore is the one primitive that touches the scheduler: it
   blocks waiting threads with thread_block () and wakes them in FIFO
   order with thread_unblock ().  Locks are semaphores with an owner;
   a condition variable gives each waiter a semaphore of its own. */

#include "threads/synch.h"
#include <debug.h>
#include <stdio.h>
#include "threads/interrupt.h"
#include "threads/thread.h"

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

/* Increments SEMA's value and wakes the thread that has waited
   longest, if any (the "V" or "up" operation).  Does not sleep or
   yield, so interrupt handlers may call it. */
void
sema_up (struct semaphore *sema)
{
  enum intr_level old_level;

  ASSERT (sema != NULL);

  old_level = intr_disable ();
  if (!list_empty (&sema->waiters))
    thread_unblock (list_entry (list_pop_front (&sema->waiters),
                                struct thread, elem));
  sema->value++;
  intr_set_level (old_level);
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
   interrupt handler; may be called with interrupts off. */
void
lock_acquire (struct lock *lock)
{
  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (!lock_held_by_current_thread (lock));

  sema_down (&lock->semaphore);
  lock->holder = thread_current ();
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

  success = sema_try_down (&lock->semaphore);
  if (success)
    lock->holder = thread_current ();
  return success;
}

/* Releases LOCK, which the current thread must hold, waking the
   thread that has waited for it longest.  Does not sleep. */
void
lock_release (struct lock *lock)
{
  ASSERT (lock != NULL);
  ASSERT (lock_held_by_current_thread (lock));

  lock->holder = NULL;
  sema_up (&lock->semaphore);
}

/* Returns true if the current thread holds LOCK.  (Whether some
   other thread holds it could change the moment after asking.) */
bool
lock_held_by_current_thread (const struct lock *lock)
{
  ASSERT (lock != NULL);
  return lock->holder == thread_current ();
}

/* One thread waiting in cond_wait (), in a condition's WAITERS. */
struct cond_waiter
  {
    struct list_elem elem;      /* Element in the condition's WAITERS. */
    struct semaphore semaphore; /* Upped to wake this waiter. */
  };

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
  list_push_back (&cond->waiters, &waiter.elem);
  lock_release (lock);
  sema_down (&waiter.semaphore);
  lock_acquire (lock);
}

/* Wakes the thread that has waited on COND longest, if any.  LOCK,
   the lock guarding COND, must be held by the current thread.  Does
   not sleep; not from an interrupt handler (which cannot hold LOCK). */
void
cond_signal (struct condition *cond, struct lock *lock)
{
  ASSERT (cond != NULL);
  ASSERT (lock != NULL);
  ASSERT (!intr_context ());
  ASSERT (lock_held_by_current_thread (lock));

  if (!list_empty (&cond->waiters))
    sema_up (&list_entry (list_pop_front (&cond->waiters),
                          struct cond_waiter, elem)->semaphore);
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
