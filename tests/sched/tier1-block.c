/* uthread-block: a user thread that blocks in a system call blocks
   only its own virtual processor.  Six user threads run on two kernel
   threads; thread 0 blocks on a guest-kernel semaphore
   (USYS_SEMA_DOWN).  Thread 1 ups it once each of threads 1-5 has made
   20 iterations since thread 0 went to block, which only happens if
   the other VP keeps running them all.  Thread 0 then prints how much
   each did meanwhile. */

#include "hv/guest/guest.h"
#include "hv/guest/uthread.h"

const char test_name[] = "uthread-block";

#define BLOCK_THREADS 6
#define BLOCK_VPS 2
#define BLOCK_SEMA 0                    /* The semaphore thread 0 waits on. */
#define BLOCK_WARMUP 10                 /* Thread 0's rounds first. */
#define BLOCK_PROGRESS 20               /* Iterations each, meanwhile. */
#define BLOCK_CAP 1000                  /* Most iterations of a worker. */
#define BLOCK_WORK 100                  /* Loop turns in one iteration. */

static volatile bool block_armed USER_BSS;  /* Thread 0 is blocking. */
static volatile bool block_done USER_BSS;   /* Thread 0 is back. */
static unsigned block_before[BLOCK_THREADS] USER_BSS;

/* Does one iteration of work and counts it. */
static void USER_CODE
block_work (void)
{
  for (volatile unsigned i = 0; i < BLOCK_WORK; i++)
    continue;
  uthread_progress ();
}

/* Returns the fewest iterations any of threads 1-5 made since thread 0
   went to block. */
static unsigned USER_CODE
block_least_progress (void)
{
  unsigned least = BLOCK_CAP;
  for (int t = 1; t < BLOCK_THREADS; t++)
    {
      unsigned made = uthread_stats[t].iterations - block_before[t];
      if (made < least)
        least = made;
    }
  return least;
}

/* Threads 1...5: work and yield until thread 0 is back (or a bound, so
   that a scheduler that starves someone still ends).  Thread 1 wakes
   thread 0 once every worker has made BLOCK_PROGRESS iterations, or
   when it stops. */
static void USER_CODE
block_worker (void *aux UNUSED)
{
  bool waker = uthread_self () == 1, woke = false;

  while (!block_done
         && uthread_stats[uthread_self ()].iterations < BLOCK_CAP)
    {
      block_work ();
      if (waker && !woke && block_armed
          && block_least_progress () >= BLOCK_PROGRESS)
        {
          usys_call (USYS_SEMA_UP, BLOCK_SEMA, 0);
          woke = true;
        }
      uthread_yield ();
    }
  if (waker && !woke)
    usys_call (USYS_SEMA_UP, BLOCK_SEMA, 0);
}

/* Thread 0: a few rounds with the others, then a wait on the
   semaphore, in the guest kernel; afterwards it reports the others'
   progress meanwhile. */
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
  block_armed = true;
  usys_call (USYS_SEMA_DOWN, BLOCK_SEMA, 0);
  unsigned made[BLOCK_THREADS];
  for (int t = 1; t < BLOCK_THREADS; t++)
    made[t] = uthread_stats[t].iterations - block_before[t];
  block_done = true;
  uthread_print (USTR ("thread 0 is back from its system call"));
  for (int t = 1; t < BLOCK_THREADS; t++)
    uthread_print (USTR ("thread %u made %u iterations meanwhile"),
                   (unsigned) t, made[t]);
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
  msg ("%d user threads on %d kernel threads; thread 0 blocks on a "
       "semaphore", BLOCK_THREADS, BLOCK_VPS);
  uthread_report_run (BLOCK_VPS, block_setup, &result);
  return 0;
}
