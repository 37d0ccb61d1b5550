/* uthread-block: a user thread that blocks in a system call blocks
   only its own virtual processor.  Six user threads run on two kernel
   threads; thread 0 sleeps 10 ticks in USYS_SLEEP, and the five others
   go on running on the other VP meanwhile.  Thread 0 prints how much
   each of them did while it was blocked. */

#include "hv/guest/guest.h"
#include "hv/guest/uthread.h"

const char test_name[] = "uthread-block";

#define BLOCK_THREADS 6
#define BLOCK_VPS 2
#define BLOCK_TICKS 10                  /* Thread 0's sleep. */
#define BLOCK_WARMUP 10                 /* Its rounds before it. */
#define BLOCK_CAP 2000                  /* Most iterations of a worker. */
#define BLOCK_WORK 100                  /* Loop turns in one iteration. */

static volatile bool block_done USER_BSS;
static unsigned block_before[BLOCK_THREADS] USER_BSS;

/* Does one iteration of work and counts it. */
static void USER_CODE
block_work (void)
{
  for (volatile unsigned i = 0; i < BLOCK_WORK; i++)
    continue;
  uthread_progress ();
}

/* Threads 1...5: work and yield until thread 0 is back (or a bound,
   so that a scheduler that never runs thread 0 still ends). */
static void USER_CODE
block_worker (void *aux UNUSED)
{
  while (!block_done
         && uthread_stats[uthread_self ()].iterations < BLOCK_CAP)
    {
      block_work ();
      uthread_yield ();
    }
}

/* Thread 0: a few rounds with the others, then a sleep in the guest
   kernel; afterwards it reports the others' progress meanwhile. */
static void USER_CODE
block_sleeper (void *aux UNUSED)
{
  for (int i = 0; i < BLOCK_WARMUP; i++)
    {
      block_work ();
      uthread_yield ();
    }
  for (int t = 1; t < BLOCK_THREADS; t++)
    block_before[t] = uthread_stats[t].iterations;
  unsigned start = usys_call (USYS_TIME, 0, 0);
  usys_call (USYS_SLEEP, BLOCK_TICKS, 0);
  unsigned slept = usys_call (USYS_TIME, 0, 0) - start;
  unsigned after[BLOCK_THREADS];
  for (int t = 1; t < BLOCK_THREADS; t++)
    after[t] = uthread_stats[t].iterations;
  block_done = true;
  uthread_print (USTR ("thread 0 was blocked in a system call for %u ticks"),
                 slept);
  for (int t = 1; t < BLOCK_THREADS; t++)
    uthread_print (USTR ("thread %u made %u iterations meanwhile"),
                   (unsigned) t, after[t] - block_before[t]);
}

/* Run by VP 0 first: creates the sleeper, then the workers. */
static void USER_CODE
block_setup (void)
{
  uthread_create (block_sleeper, NULL);
  for (int i = 1; i < BLOCK_THREADS; i++)
    uthread_create (block_worker, NULL);
}

int
main (void)
{
  struct user_result result;

  user_init ();
  uthread_report_name (test_name);
  msg ("%d user threads on %d kernel threads; thread 0 sleeps %d ticks",
       BLOCK_THREADS, BLOCK_VPS, BLOCK_TICKS);
  uthread_report_run (BLOCK_VPS, block_setup, &result);
  return 0;
}
