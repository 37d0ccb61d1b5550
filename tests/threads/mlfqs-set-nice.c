/* mlfqs-set-nice: under the MLFQS scheduler a new thread inherits its
   creator's niceness and recent_cpu, so with them its priority; the
   priority given to thread_create () and thread_set_priority () are
   ignored; and thread_set_nice () recomputes the caller's priority at
   once, yielding if it no longer has the highest. */

#include <stdbool.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"

/* Niceness the main thread gives itself, then drops to. */
#define SET_NICE_FIRST 5
#define SET_NICE_THEN NICE_MAX

/* Set once the new thread has run. */
static bool set_nice_ran;

/* The new thread. */
static void
set_nice_child_main (void *aux UNUSED)
{
  set_nice_ran = true;
  msg ("the new thread runs, with nice %d", thread_get_nice ());
  thtest_mlfqs_check ("the new thread");
  int priority = thread_get_priority ();
  thread_set_priority (PRI_MAX);
  CHECK (thread_get_priority () == priority, "thread_set_priority (%d) "
         "changed the priority from %d to %d", PRI_MAX, priority,
         thread_get_priority ());
  msg ("thread_set_priority (%d) left its priority alone", PRI_MAX);
}

/* Runs the steps without printing in between: printing takes virtual
   time, and a time slice ending between creating the thread and
   lowering main's priority would let the new thread run early by
   plain round robin.  Waking from thtest_mlfqs_start () starts a fresh
   time slice, far longer than the steps. */
static void
mlfqs_set_nice_test (void)
{
  msg ("main sets its nice to %d, creates a thread of priority %d, "
       "then sets its nice to %d", SET_NICE_FIRST, PRI_MIN, SET_NICE_THEN);
  set_nice_ran = false;
  thtest_mlfqs_start ();
  thread_set_nice (SET_NICE_FIRST);
  thtest_spawn ("child", PRI_MIN, set_nice_child_main, NULL);
  bool ran_early = set_nice_ran;
  thread_set_nice (SET_NICE_THEN);
  msg ("main runs again, with nice %d", thread_get_nice ());
  msg ("the new thread %s before main lowered its priority",
       ran_early ? "had run already" : "had not run");
  thtest_mlfqs_check ("the main thread");
}

KTEST ("mlfqs-set-nice", mlfqs_set_nice_test);
