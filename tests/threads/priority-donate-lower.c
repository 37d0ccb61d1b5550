/* priority-donate-lower: a thread that holds a donation lowers its own
   priority.  Its priority stays the donated one while the donation
   lasts, and becomes the lowered one when the donation ends. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

#define LOWER_DONOR (PRI_DEFAULT + 10)
#define LOWER_NEW (PRI_DEFAULT - 10)

static struct lock lower_lock;

/* The donor. */
static void
lower_donor_main (void *aux UNUSED)
{
  lock_acquire (&lower_lock);
  msg ("the donor got the lock, at priority %d", thread_get_priority ());
  lock_release (&lower_lock);
}

static void
priority_donate_lower_test (void)
{
  thtest_require_priority ();
  lock_init (&lower_lock);
  lock_acquire (&lower_lock);
  thtest_spawn ("donor", LOWER_DONOR, lower_donor_main, NULL);
  msg ("a thread of priority %d waits for main's lock; main's priority: %d",
       LOWER_DONOR, thread_get_priority ());
  msg ("main lowers its own priority to %d", LOWER_NEW);
  thread_set_priority (LOWER_NEW);
  msg ("main's priority: %d", thread_get_priority ());
  lock_release (&lower_lock);
  msg ("main released the lock; main's priority: %d", thread_get_priority ());
  thread_set_priority (PRI_DEFAULT);
}

KTEST ("priority-donate-lower", priority_donate_lower_test);
