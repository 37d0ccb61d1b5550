/* priority-donate-multiple and priority-donate-multiple2: the main
   thread holds two locks, and threads of higher priority wait for
   each.  Its priority is the highest of the donations; releasing a
   lock ends only the donations that came through that lock.  In
   multiple2 a third thread, which wants no lock, has a priority
   between the main thread's own and the donors': it must run after
   both donors and before the main thread. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

static struct lock multiple_locks[2];

/* A donor: AUX is the lock it waits for. */
static void
multiple_donor_main (void *aux)
{
  struct lock *lock = aux;

  lock_acquire (lock);
  msg ("priority %d got lock %c", thread_get_priority (),
       lock == &multiple_locks[0] ? 'A' : 'B');
  lock_release (lock);
  msg ("priority %d is done", thread_get_priority ());
}

/* The thread that wants no lock. */
static void
multiple_bystander_main (void *aux UNUSED)
{
  msg ("the lock-free thread of priority %d runs", thread_get_priority ());
}

/* Main takes locks A and B. */
static void
multiple_take_locks (void)
{
  lock_init (&multiple_locks[0]);
  lock_init (&multiple_locks[1]);
  lock_acquire (&multiple_locks[0]);
  lock_acquire (&multiple_locks[1]);
  msg ("main holds locks A and B, at priority %d", thread_get_priority ());
}

/* Starts a donor of PRIORITY for lock INDEX (0 for A, 1 for B). */
static void
multiple_donor (int priority, int index)
{
  thtest_spawn ("donor", priority, multiple_donor_main,
                &multiple_locks[index]);
  msg ("priority %d waits for lock %c; main's priority: %d", priority,
       'A' + index, thread_get_priority ());
}

/* Main releases lock INDEX. */
static void
multiple_release (int index)
{
  lock_release (&multiple_locks[index]);
  msg ("main released lock %c; main's priority: %d", 'A' + index,
       thread_get_priority ());
}

/* Two donors; the lock with the higher donor is released first. */
static void
priority_donate_multiple_test (void)
{
  thtest_require_priority ();
  multiple_take_locks ();
  multiple_donor (PRI_DEFAULT + 1, 0);
  multiple_donor (PRI_DEFAULT + 2, 1);
  multiple_release (1);
  multiple_release (0);
}

/* Two donors and a bystander; the lock with the lower donor is
   released first, which leaves main's priority where it was. */
static void
priority_donate_multiple2_test (void)
{
  thtest_require_priority ();
  multiple_take_locks ();
  multiple_donor (PRI_DEFAULT + 3, 0);
  thtest_spawn ("bystander", PRI_DEFAULT + 1, multiple_bystander_main, NULL);
  msg ("a lock-free thread of priority %d is ready", PRI_DEFAULT + 1);
  multiple_donor (PRI_DEFAULT + 5, 1);
  multiple_release (0);
  multiple_release (1);
}

KTEST ("priority-donate-multiple", priority_donate_multiple_test);
KTEST ("priority-donate-multiple2", priority_donate_multiple2_test);
