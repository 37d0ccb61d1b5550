/* mlfqs-load-60 and mlfqs-load-avg: many threads alternate between
   sleeping and spinning, and the load average follows the number of
   threads ready to run.  In mlfqs-load-60, sixty threads spin together
   from second 10 to second 70; in mlfqs-load-avg, thirty threads spin
   for 30 seconds each, thread I from second 5 + I on, so that the load
   rises and falls in steps.  The main thread, at the least niceness so
   that it always gets the CPU at once, prints the load average every
   two seconds; the spinners are as nice as can be.  The .ck files
   compare the numbers with the load-average formula. */

#include <stdint.h>
#include <stdio.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"

/* Most spinners a test uses. */
#define LOAD_SPINNERS_MAX 60

/* Seconds between reports. */
#define LOAD_EVERY 2

/* One spinner's window, in seconds from T0. */
struct load_window
  {
    int start;                  /* Starts spinning. */
    int end;                    /* Stops spinning and exits. */
  };

/* T0, and each spinner's window. */
static int64_t load_t0;
static struct load_window load_windows[LOAD_SPINNERS_MAX];

/* A spinner: AUX points to its window. */
static void
load_spinner_main (void *aux)
{
  const struct load_window *w = aux;

  thread_set_nice (NICE_MAX);
  timer_sleep (load_t0 + w->start * TIMER_FREQ - timer_ticks ());
  thtest_spin_until (load_t0 + w->end * TIMER_FREQ);
  thtest_join_done ();
}

/* Runs SPINNERS spinners, whose windows must be in load_windows, and
   reports the load average every LOAD_EVERY seconds up to second
   SECONDS. */
static void
load_run (int spinners, int seconds)
{
  load_t0 = thtest_mlfqs_start ();
  thread_set_nice (NICE_MIN);
  thtest_print_load ("at the start");
  thtest_join_init (spinners);
  for (int i = 0; i < spinners; i++)
    thtest_spawn ("spinner", PRI_DEFAULT, load_spinner_main,
                  &load_windows[i]);
  for (int s = LOAD_EVERY; s <= seconds; s += LOAD_EVERY)
    {
      timer_sleep (load_t0 + s * TIMER_FREQ - timer_ticks ());
      char when[32];
      snprintf (when, sizeof when, "after %d seconds", s);
      thtest_print_load (when);
    }
  thtest_join ();
  thtest_mlfqs_check ("the main thread");
}

/* Sixty spinners, from second 10 to second 70. */
static void
mlfqs_load_60_test (void)
{
  for (int i = 0; i < 60; i++)
    load_windows[i] = (struct load_window) { 10, 70 };
  msg ("60 threads spin from second 10 to second 70");
  load_run (60, 90);
}

/* Thirty spinners, 30 seconds each, starting a second apart. */
static void
mlfqs_load_avg_test (void)
{
  for (int i = 0; i < 30; i++)
    load_windows[i] = (struct load_window) { 5 + i, 35 + i };
  msg ("30 threads spin 30 seconds each, thread I from second 5 + I");
  load_run (30, 80);
}

KTEST ("mlfqs-load-60", mlfqs_load_60_test);
KTEST ("mlfqs-load-avg", mlfqs_load_avg_test);
