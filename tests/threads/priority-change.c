/* priority-change: a new thread of higher priority runs at once; when
   it lowers its priority below the main thread's, the main thread
   runs at once; when the main thread lowers its own below the other
   thread's, that one runs at once. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"

/* The priorities the other thread starts with and lowers itself to,
   and the one the main thread lowers itself to. */
#define CHANGE_HIGH (PRI_DEFAULT + 1)
#define CHANGE_LOWERED (PRI_DEFAULT - 1)
#define CHANGE_MAIN_LOWERED (PRI_DEFAULT - 2)

/* The other thread. */
static void
change_other_main (void *aux UNUSED)
{
  msg ("the new thread runs first, at priority %d", thread_get_priority ());
  msg ("the new thread lowers its priority to %d", CHANGE_LOWERED);
  thread_set_priority (CHANGE_LOWERED);
  msg ("the new thread runs again, at priority %d", thread_get_priority ());
}

static void
priority_change_test (void)
{
  thtest_require_priority ();
  msg ("main creates a thread of priority %d", CHANGE_HIGH);
  thtest_spawn ("other", CHANGE_HIGH, change_other_main, NULL);
  msg ("main runs again, at priority %d", thread_get_priority ());
  msg ("main lowers its priority to %d", CHANGE_MAIN_LOWERED);
  thread_set_priority (CHANGE_MAIN_LOWERED);
  msg ("main runs last, at priority %d", thread_get_priority ());
  thread_set_priority (PRI_DEFAULT);
}

KTEST ("priority-change", priority_change_test);
