/* mlfqs-load-1: with one thread spinning, the load average climbs
   towards 1, reaching 0.50 after about 41 seconds; with every thread
   asleep, it decays.  The thread looks at the load average half a
   second after each once-a-second update; mlfqs-load-1.ck checks the
   numbers it prints. */

#include <stdio.h>
#include "tests/ktest.h"
#include "tests/threads/thtest.h"

/* Most seconds to spin waiting for 0.50, and seconds to sleep after. */
#define LOAD1_SPIN_MAX 90
#define LOAD1_SLEEP 10

static void
mlfqs_load_1_test (void)
{
  msg ("one thread spins until the load average reaches 0.50");
  int64_t t0 = thtest_mlfqs_start ();
  thtest_print_load ("at the start");

  int seconds = 0;
  do
    {
      CHECK (++seconds <= LOAD1_SPIN_MAX, "the load average was still "
             "%d hundredths after %d seconds", thread_get_load_avg (),
             LOAD1_SPIN_MAX);
      thtest_spin_until (t0 + seconds * TIMER_FREQ);
    }
  while (thread_get_load_avg () < 50);
  msg ("load average 0.50 reached after %d seconds", seconds);
  thtest_mlfqs_check ("the spinning thread");

  char when[32];
  timer_sleep (LOAD1_SLEEP * TIMER_FREQ);
  snprintf (when, sizeof when, "after %d seconds asleep", LOAD1_SLEEP);
  thtest_print_load (when);
}

KTEST ("mlfqs-load-1", mlfqs_load_1_test);
