/* priority-donate-ready: a donation to a lock holder that is ready to
   run, not running and not blocked, must move it up the ready queue.
   A low thread takes a lock and is left ready; a medium thread and a
   high thread are ready too.  When the high thread waits for the
   lock, the low thread must run next, at the high priority, before the
   medium thread: a scheduler that leaves the low thread where it was
   runs the medium thread first (priority inversion). */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

#define READY_LOW (PRI_DEFAULT - 1)
#define READY_MEDIUM (PRI_DEFAULT + 4)
#define READY_HIGH (PRI_DEFAULT + 9)
#define READY_MAIN_HIGH (PRI_DEFAULT + 19)

static struct lock ready_lock;
static struct semaphore ready_taken;    /* Upped when low has the lock. */
static struct semaphore ready_go;       /* Upped to make low ready. */

/* The low thread: takes the lock, then waits to be made ready. */
static void
ready_low_main (void *aux UNUSED)
{
  lock_acquire (&ready_lock);
  sema_up (&ready_taken);
  sema_down (&ready_go);
  msg ("low runs, at priority %d, and releases the lock",
       thread_get_priority ());
  lock_release (&ready_lock);
  msg ("low is done, at priority %d", thread_get_priority ());
}

/* The medium thread. */
static void
ready_medium_main (void *aux UNUSED)
{
  msg ("medium runs");
}

/* The high thread: waits for the lock. */
static void
ready_high_main (void *aux UNUSED)
{
  msg ("high waits for the lock");
  lock_acquire (&ready_lock);
  msg ("high got the lock");
  lock_release (&ready_lock);
}

static void
priority_donate_ready_test (void)
{
  thtest_require_priority ();
  lock_init (&ready_lock);
  sema_init (&ready_taken, 0);
  sema_init (&ready_go, 0);

  thtest_spawn ("low", READY_LOW, ready_low_main, NULL);
  sema_down (&ready_taken);
  thread_set_priority (READY_MAIN_HIGH);
  thtest_spawn ("medium", READY_MEDIUM, ready_medium_main, NULL);
  thtest_spawn ("high", READY_HIGH, ready_high_main, NULL);
  sema_up (&ready_go);
  msg ("low (%d) holds the lock; low, medium (%d) and high (%d) are ready",
       READY_LOW, READY_MEDIUM, READY_HIGH);
  msg ("main lowers its priority to %d", PRI_MIN);
  thread_set_priority (PRI_MIN);
  msg ("main runs again");
  thread_set_priority (PRI_DEFAULT);
}

KTEST ("priority-donate-ready", priority_donate_ready_test);
