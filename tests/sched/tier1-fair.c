/* uthread-fair: 8 user threads on the 2 kernel threads of one user
   program.  Each thread does a unit of work, counts it, and yields;
   they stop together once all of them have done 8 x 40 units.  The
   kernel then prints how many units each did (fair: about 40 each)
   and which VPs ran it. */

#include "hv/guest/guest.h"
#include "hv/guest/uthread.h"

const char test_name[] = "uthread-fair";

#define FAIR_THREADS 8
#define FAIR_VPS 2
#define FAIR_UNITS (FAIR_THREADS * 40)   /* Units of work in all. */
#define FAIR_WORK 1500                  /* Loop turns in one unit. */

static volatile unsigned fair_total USER_BSS;
static volatile bool fair_stop USER_BSS;

/* A user thread: units of work, one yield after each, until the
   program's total is reached. */
static void USER_CODE
fair_thread (void *aux UNUSED)
{
  while (!fair_stop)
    {
      for (volatile unsigned i = 0; i < FAIR_WORK; i++)
        continue;
      uthread_progress ();
      if (__atomic_add_fetch (&fair_total, 1, __ATOMIC_SEQ_CST) >= FAIR_UNITS)
        fair_stop = true;
      uthread_yield ();
    }
}

/* Run by VP 0 first: creates the threads. */
static void USER_CODE
fair_setup (void)
{
  for (int i = 0; i < FAIR_THREADS; i++)
    uthread_create (fair_thread, NULL);
}

int
main (void)
{
  struct user_result result;

  user_init ();
  uthread_report_name (test_name);
  msg ("%d user threads on %d kernel threads", FAIR_THREADS, FAIR_VPS);
  uthread_report_run (FAIR_VPS, fair_setup, &result);
  return 0;
}
