/* priority-preempt: a thread created with a higher priority than its
   creator runs at once, to its end, before thread_create () returns:
   its thread_yield () calls do not let the lower-priority creator in. */

#include <stdbool.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"

/* The new thread's priority and its number of rounds. */
#define PREEMPT_HIGH (PRI_DEFAULT + 1)
#define PREEMPT_ROUNDS 3

/* Set by the new thread as it finishes. */
static bool preempt_done;

/* The new thread: a few rounds, yielding in between. */
static void
preempt_high_main (void *aux UNUSED)
{
  for (int i = 1; i <= PREEMPT_ROUNDS; i++)
    {
      msg ("the new thread, round %d of %d", i, PREEMPT_ROUNDS);
      thread_yield ();
    }
  msg ("the new thread is done");
  preempt_done = true;
}

static void
priority_preempt_test (void)
{
  thtest_require_priority ();
  preempt_done = false;
  msg ("main creates a thread of priority %d", PREEMPT_HIGH);
  thtest_spawn ("high", PREEMPT_HIGH, preempt_high_main, NULL);
  msg ("thread_create returned; the new thread %s",
       preempt_done ? "had finished" : "had not finished");
}

KTEST ("priority-preempt", priority_preempt_test);
