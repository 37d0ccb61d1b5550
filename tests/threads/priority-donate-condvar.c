/* priority-donate-condvar: a thread woken from cond_wait () that
   waits to reacquire the lock donates its priority to the lock's
   holder.  A high thread waits on a condition; the main thread, holding
   the lock, signals it and then drops its own priority below a ready
   medium thread's.  The woken high thread then waits for the lock and
   must lift the main thread above the medium thread, so the main
   thread releases the lock before the medium thread runs. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

#define DCOND_LOW (PRI_DEFAULT - 11)
#define DCOND_MEDIUM (PRI_DEFAULT + 4)
#define DCOND_HIGH (PRI_DEFAULT + 9)
#define DCOND_MAIN_HIGH (PRI_DEFAULT + 19)

static struct lock dcond_lock;
static struct condition dcond_cond;

/* The high thread: waits on the condition. */
static void
dcond_high_main (void *aux UNUSED)
{
  lock_acquire (&dcond_lock);
  msg ("high waits on the condition");
  cond_wait (&dcond_cond, &dcond_lock);
  msg ("high woke and holds the lock again");
  lock_release (&dcond_lock);
}

/* The medium thread. */
static void
dcond_medium_main (void *aux UNUSED)
{
  msg ("medium runs");
}

static void
priority_donate_condvar_test (void)
{
  thtest_require_priority ();
  lock_init (&dcond_lock);
  cond_init (&dcond_cond);
  thtest_spawn ("high", DCOND_HIGH, dcond_high_main, NULL);

  thread_set_priority (DCOND_MAIN_HIGH);
  thtest_spawn ("medium", DCOND_MEDIUM, dcond_medium_main, NULL);
  lock_acquire (&dcond_lock);
  msg ("main signals the condition, holding the lock");
  cond_signal (&dcond_cond, &dcond_lock);
  msg ("main lowers its priority to %d", DCOND_LOW);
  thread_set_priority (DCOND_LOW);
  msg ("main runs again, at priority %d, and releases the lock",
       thread_get_priority ());
  lock_release (&dcond_lock);
  msg ("main runs last, at priority %d", thread_get_priority ());
  thread_set_priority (PRI_DEFAULT);
}

KTEST ("priority-donate-condvar", priority_donate_condvar_test);
