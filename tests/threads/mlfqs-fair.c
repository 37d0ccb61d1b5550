/* mlfqs-fair-2, mlfqs-fair-20, mlfqs-nice-2 and mlfqs-nice-10: threads
   spin together for 30 seconds and count the ticks each gets.  Threads
   of equal niceness share the CPU equally (fair-2: two threads of nice
   0; fair-20: twenty); a nicer thread gets less (nice-2: nice 0 and 5;
   nice-10: nice 0 to 9).  The main thread, at the least niceness,
   sleeps meanwhile.  Each spinner also checks that its priority
   follows the MLFQS formula.  The .ck files compare the counts with a
   model of the scheduler. */

#include <stdint.h>
#include <stdio.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"

/* Most spinners, and the seconds they spin. */
#define FAIR_SPINNERS_MAX 20
#define FAIR_SECONDS 30

/* Second, from T0, at which the spinners start. */
#define FAIR_START 1

/* One spinner. */
struct fair_spinner
  {
    int nice;                   /* Its niceness. */
    int64_t ticks;              /* CPU ticks it got while spinning. */
  };

static int64_t fair_t0;
static struct fair_spinner fair_spinners[FAIR_SPINNERS_MAX];

/* A spinner: AUX points to its struct fair_spinner. */
static void
fair_spinner_main (void *aux)
{
  struct fair_spinner *s = aux;
  char who[32];

  thread_set_nice (s->nice);
  timer_sleep (fair_t0 + FAIR_START * TIMER_FREQ - timer_ticks ());
  int64_t before = thread_cpu_ticks ();
  thtest_spin_until (fair_t0 + (FAIR_START + FAIR_SECONDS) * TIMER_FREQ);
  s->ticks = thread_cpu_ticks () - before;
  snprintf (who, sizeof who, "the spinner of nice %d", s->nice);
  thtest_mlfqs_check (who);
  thtest_join_done ();
}

/* Runs CNT spinners, spinner I of niceness NICE_FIRST + I * NICE_STEP,
   and prints the ticks each got. */
static void
fair_run (int cnt, int nice_first, int nice_step)
{
  msg ("%d threads of niceness %d to %d spin for %d seconds", cnt,
       nice_first, nice_first + (cnt - 1) * nice_step, FAIR_SECONDS);
  fair_t0 = thtest_mlfqs_start ();
  thread_set_nice (NICE_MIN);
  thtest_print_load ("at the start");
  thtest_join_init (cnt);
  for (int i = 0; i < cnt; i++)
    {
      fair_spinners[i].nice = nice_first + i * nice_step;
      fair_spinners[i].ticks = 0;
      thtest_spawn ("spinner", PRI_DEFAULT, fair_spinner_main,
                    &fair_spinners[i]);
    }
  thtest_join ();
  for (int i = 0; i < cnt; i++)
    msg ("thread %d (nice %d): %lld ticks", i, fair_spinners[i].nice,
         fair_spinners[i].ticks);
}

/* Two threads of equal niceness. */
static void
mlfqs_fair_2_test (void)
{
  fair_run (2, 0, 0);
}

/* Twenty threads of equal niceness. */
static void
mlfqs_fair_20_test (void)
{
  fair_run (20, 0, 0);
}

/* Two threads, nice 0 and nice 5. */
static void
mlfqs_nice_2_test (void)
{
  fair_run (2, 0, 5);
}

/* Ten threads, nice 0 to 9. */
static void
mlfqs_nice_10_test (void)
{
  fair_run (10, 0, 1);
}

KTEST ("mlfqs-fair-2", mlfqs_fair_2_test);
KTEST ("mlfqs-fair-20", mlfqs_fair_20_test);
KTEST ("mlfqs-nice-2", mlfqs_nice_2_test);
KTEST ("mlfqs-nice-10", mlfqs_nice_10_test);
