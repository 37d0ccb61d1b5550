/* priority-donate-depth: donation through eight nested locks, the
   depth the threads lab promises.  The main thread holds lock 0;
   thread I (1 to 8), each of higher priority than the last, holds
   lock I and waits for lock I - 1.  Every thread of the chain must run
   at the newest thread's priority: the main thread's priority after
   each link shows it, and each thread reports its priority as the
   chain unwinds. */

#include <stdint.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

/* Threads in the chain besides the main thread. */
#define DEPTH_THREADS 8

/* Thread I has priority DEPTH_BASE + I. */
#define DEPTH_BASE PRI_DEFAULT

static struct lock depth_locks[DEPTH_THREADS + 1];

/* Thread I of the chain: AUX is I. */
static void
depth_link_main (void *aux)
{
  int i = (intptr_t) aux;

  lock_acquire (&depth_locks[i]);
  lock_acquire (&depth_locks[i - 1]);
  int got = thread_get_priority ();
  lock_release (&depth_locks[i - 1]);
  lock_release (&depth_locks[i]);
  msg ("thread %d had priority %d with lock %d; now %d", i, got, i - 1,
       thread_get_priority ());
}

static void
priority_donate_depth_test (void)
{
  thtest_require_priority ();
  for (int i = 0; i <= DEPTH_THREADS; i++)
    lock_init (&depth_locks[i]);
  lock_acquire (&depth_locks[0]);
  for (int i = 1; i <= DEPTH_THREADS; i++)
    {
      thtest_spawn ("link", DEPTH_BASE + i, depth_link_main,
                    (void *) (intptr_t) i);
      msg ("%d thread(s) deep; main's priority: %d", i,
           thread_get_priority ());
    }
  lock_release (&depth_locks[0]);
  msg ("main released lock 0; main's priority: %d", thread_get_priority ());
}

KTEST ("priority-donate-depth", priority_donate_depth_test);
