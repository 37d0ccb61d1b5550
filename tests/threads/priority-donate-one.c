/* priority-donate-one: two threads of higher priority wait, one after
   the other, for a lock the main thread holds; each raises the main
   thread's priority to its own.  When the main thread releases the
   lock, the waiters get it in order of priority and the main thread
   falls back to its own priority. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

static struct lock one_lock;

/* A waiter: takes the lock, says so, and lets it go. */
static void
one_waiter_main (void *aux UNUSED)
{
  lock_acquire (&one_lock);
  msg ("priority %d got the lock", thread_get_priority ());
  lock_release (&one_lock);
  msg ("priority %d is done", thread_get_priority ());
}

static void
priority_donate_one_test (void)
{
  thtest_require_priority ();
  lock_init (&one_lock);
  lock_acquire (&one_lock);
  msg ("main holds the lock, at priority %d", thread_get_priority ());
  for (int p = PRI_DEFAULT + 1; p <= PRI_DEFAULT + 2; p++)
    {
      thtest_spawn ("waiter", p, one_waiter_main, NULL);
      msg ("a thread of priority %d waits for the lock; main's priority: %d",
           p, thread_get_priority ());
    }
  msg ("main releases the lock");
  lock_release (&one_lock);
  msg ("main's priority after the release: %d", thread_get_priority ());
}

KTEST ("priority-donate-one", priority_donate_one_test);
