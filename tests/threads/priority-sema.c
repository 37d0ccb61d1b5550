/* priority-sema: sema_up () wakes the waiting thread of highest
   priority, which then runs at once.  Ten threads of priorities above
   the main thread's wait on a semaphore, created in no particular
   order of priority; the main thread ups it ten times. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

/* Waiters; waiter I has priority SEMA_BASE + (I * SEMA_STRIDE) %
   SEMA_WAITERS. */
#define SEMA_WAITERS 10
#define SEMA_BASE (PRI_DEFAULT + 1)
#define SEMA_STRIDE 3

static struct semaphore sema_sema;

/* A waiter. */
static void
sema_waiter_main (void *aux UNUSED)
{
  sema_down (&sema_sema);
  msg ("the waiter of priority %d woke", thread_get_priority ());
}

static void
priority_sema_test (void)
{
  thtest_require_priority ();
  sema_init (&sema_sema, 0);
  for (int i = 0; i < SEMA_WAITERS; i++)
    thtest_spawn ("waiter", SEMA_BASE + (i * SEMA_STRIDE) % SEMA_WAITERS,
                  sema_waiter_main, NULL);
  msg ("%d waiters of priorities %d to %d wait on the semaphore",
       SEMA_WAITERS, SEMA_BASE, SEMA_BASE + SEMA_WAITERS - 1);
  for (int i = 0; i < SEMA_WAITERS; i++)
    {
      msg ("main ups the semaphore");
      sema_up (&sema_sema);
    }
  msg ("main is done");
}

KTEST ("priority-sema", priority_sema_test);
