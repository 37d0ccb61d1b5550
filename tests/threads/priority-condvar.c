/* priority-condvar: cond_signal () wakes the waiting thread of highest
   priority.  Ten threads of priorities above the main thread's wait
   on a condition, created in no particular order of priority; the
   main thread signals ten times, each time holding and then releasing
   the lock.  The woken waiter, waiting to reacquire the lock, runs as
   soon as the main thread releases it. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

/* Waiters; waiter I has priority CONDVAR_BASE + (I * CONDVAR_STRIDE)
   % CONDVAR_WAITERS. */
#define CONDVAR_WAITERS 10
#define CONDVAR_BASE (PRI_DEFAULT + 1)
#define CONDVAR_STRIDE 7

static struct lock condvar_lock;
static struct condition condvar_cond;

/* A waiter. */
static void
condvar_waiter_main (void *aux UNUSED)
{
  lock_acquire (&condvar_lock);
  cond_wait (&condvar_cond, &condvar_lock);
  msg ("the waiter of priority %d woke", thread_get_priority ());
  lock_release (&condvar_lock);
}

static void
priority_condvar_test (void)
{
  thtest_require_priority ();
  lock_init (&condvar_lock);
  cond_init (&condvar_cond);
  for (int i = 0; i < CONDVAR_WAITERS; i++)
    thtest_spawn ("waiter",
                  CONDVAR_BASE + (i * CONDVAR_STRIDE) % CONDVAR_WAITERS,
                  condvar_waiter_main, NULL);
  msg ("%d waiters of priorities %d to %d wait on the condition",
       CONDVAR_WAITERS, CONDVAR_BASE, CONDVAR_BASE + CONDVAR_WAITERS - 1);
  for (int i = 0; i < CONDVAR_WAITERS; i++)
    {
      lock_acquire (&condvar_lock);
      msg ("main signals the condition");
      cond_signal (&condvar_cond, &condvar_lock);
      lock_release (&condvar_lock);
    }
  msg ("main is done");
}

KTEST ("priority-condvar", priority_condvar_test);
