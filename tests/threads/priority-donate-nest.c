/* priority-donate-nest: nested donation.  The main thread holds lock
   A; a medium thread holds lock B and waits for A; a high thread waits
   for B.  The high thread's priority must reach the main thread
   through the medium one, and each donation must end as its lock is
   released. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

#define NEST_MEDIUM (PRI_DEFAULT + 1)
#define NEST_HIGH (PRI_DEFAULT + 2)

static struct lock nest_a, nest_b;

/* The medium thread: holds B, waits for A. */
static void
nest_medium_main (void *aux UNUSED)
{
  lock_acquire (&nest_b);
  lock_acquire (&nest_a);
  msg ("medium got lock A, at priority %d", thread_get_priority ());
  lock_release (&nest_a);
  msg ("medium released lock A, at priority %d", thread_get_priority ());
  lock_release (&nest_b);
  msg ("medium released lock B, at priority %d", thread_get_priority ());
}

/* The high thread: waits for B. */
static void
nest_high_main (void *aux UNUSED)
{
  lock_acquire (&nest_b);
  msg ("high got lock B, at priority %d", thread_get_priority ());
  lock_release (&nest_b);
  msg ("high is done");
}

static void
priority_donate_nest_test (void)
{
  thtest_require_priority ();
  lock_init (&nest_a);
  lock_init (&nest_b);
  lock_acquire (&nest_a);
  msg ("main holds lock A, at priority %d", thread_get_priority ());
  thtest_spawn ("medium", NEST_MEDIUM, nest_medium_main, NULL);
  msg ("medium (%d) holds lock B and waits for A; main's priority: %d",
       NEST_MEDIUM, thread_get_priority ());
  thtest_spawn ("high", NEST_HIGH, nest_high_main, NULL);
  msg ("high (%d) waits for lock B; main's priority: %d", NEST_HIGH,
       thread_get_priority ());
  lock_release (&nest_a);
  msg ("main released lock A; main's priority: %d", thread_get_priority ());
}

KTEST ("priority-donate-nest", priority_donate_nest_test);
