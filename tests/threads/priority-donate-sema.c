/* priority-donate-sema: a donation counts when a semaphore picks whom
   to wake.  A low thread takes a lock, then waits on a semaphore; a
   medium thread waits on the same semaphore; a high thread waits for
   the lock, donating to the low thread.  The first sema_up () must
   wake the low thread, now of the highest priority, which releases
   the lock to the high thread; the second wakes the medium thread. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

#define DSEMA_LOW (PRI_DEFAULT + 1)
#define DSEMA_MEDIUM (PRI_DEFAULT + 3)
#define DSEMA_HIGH (PRI_DEFAULT + 5)

static struct lock dsema_lock;
static struct semaphore dsema_sema;

/* The low thread: holds the lock while it waits on the semaphore. */
static void
dsema_low_main (void *aux UNUSED)
{
  lock_acquire (&dsema_lock);
  sema_down (&dsema_sema);
  msg ("low woke, at priority %d", thread_get_priority ());
  lock_release (&dsema_lock);
  msg ("low released the lock, at priority %d", thread_get_priority ());
}

/* The medium thread: waits on the semaphore. */
static void
dsema_medium_main (void *aux UNUSED)
{
  sema_down (&dsema_sema);
  msg ("medium woke, at priority %d", thread_get_priority ());
}

/* The high thread: waits for the lock. */
static void
dsema_high_main (void *aux UNUSED)
{
  lock_acquire (&dsema_lock);
  msg ("high got the lock, at priority %d", thread_get_priority ());
  lock_release (&dsema_lock);
}

static void
priority_donate_sema_test (void)
{
  thtest_require_priority ();
  lock_init (&dsema_lock);
  sema_init (&dsema_sema, 0);
  thtest_spawn ("low", DSEMA_LOW, dsema_low_main, NULL);
  thtest_spawn ("medium", DSEMA_MEDIUM, dsema_medium_main, NULL);
  thtest_spawn ("high", DSEMA_HIGH, dsema_high_main, NULL);
  msg ("low (%d) and medium (%d) wait on the semaphore, high (%d) for "
       "low's lock", DSEMA_LOW, DSEMA_MEDIUM, DSEMA_HIGH);
  msg ("main ups the semaphore");
  sema_up (&dsema_sema);
  msg ("main ups the semaphore again");
  sema_up (&dsema_sema);
  msg ("main is done");
}

KTEST ("priority-donate-sema", priority_donate_sema_test);
