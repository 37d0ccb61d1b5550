/* priority-donate-chain: donation along a chain of seven locks.  The
   main thread, at the lowest priority, holds lock 0; thread I (1 to
   7), of priority 3 * I, holds lock I and waits for lock I - 1, so
   each new thread's priority travels down the whole chain to the main
   thread.  After each, an "interloper" of priority 3 * I - 1, which
   wants no lock, is created: it outranks every thread's own priority
   below it but none of the donated ones, so it must wait until the
   chain has unwound.  When the main thread releases lock 0, the chain
   unwinds from the bottom, each thread at the top donor's priority;
   then threads and interlopers finish in order of priority. */

#include <stdint.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"
#include "threads/synch.h"

/* Threads in the chain besides the main thread, and the priority step
   between them. */
#define CHAIN_THREADS 7
#define CHAIN_STEP 3

static struct lock chain_locks[CHAIN_THREADS + 1];

/* Thread I of the chain: AUX is I. */
static void
chain_link_main (void *aux)
{
  int i = (intptr_t) aux;

  lock_acquire (&chain_locks[i]);
  lock_acquire (&chain_locks[i - 1]);
  msg ("thread %d got lock %d, at priority %d", i, i - 1,
       thread_get_priority ());
  lock_release (&chain_locks[i - 1]);
  msg ("thread %d released lock %d, at priority %d", i, i - 1,
       thread_get_priority ());
  lock_release (&chain_locks[i]);
  msg ("thread %d released lock %d, at priority %d", i, i,
       thread_get_priority ());
}

/* An interloper. */
static void
chain_interloper_main (void *aux UNUSED)
{
  msg ("interloper of priority %d runs", thread_get_priority ());
}

static void
priority_donate_chain_test (void)
{
  thtest_require_priority ();
  thread_set_priority (PRI_MIN);
  for (int i = 0; i <= CHAIN_THREADS; i++)
    lock_init (&chain_locks[i]);
  lock_acquire (&chain_locks[0]);
  msg ("main holds lock 0, at priority %d", thread_get_priority ());

  for (int i = 1; i <= CHAIN_THREADS; i++)
    {
      thtest_spawn ("link", i * CHAIN_STEP, chain_link_main,
                    (void *) (intptr_t) i);
      msg ("thread %d (priority %d) waits; main's priority: %d", i,
           i * CHAIN_STEP, thread_get_priority ());
      thtest_spawn ("interloper", i * CHAIN_STEP - 1, chain_interloper_main,
                    NULL);
    }

  lock_release (&chain_locks[0]);
  msg ("main released lock 0; main's priority: %d", thread_get_priority ());
  thread_set_priority (PRI_DEFAULT);
}

KTEST ("priority-donate-chain", priority_donate_chain_test);
