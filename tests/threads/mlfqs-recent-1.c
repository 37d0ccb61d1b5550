/* mlfqs-recent-1: one thread spins, and its recent_cpu and the load
   average follow the MLFQS formulas.  Half a second after every other
   once-a-second update it prints both; mlfqs-recent-1.ck compares
   them with the formulas. */

#include "tests/ktest.h"
#include "tests/threads/thtest.h"

/* Seconds to spin, and seconds between reports. */
#define RECENT1_SECONDS 90
#define RECENT1_EVERY 2

/* Prints a value given in hundredths. */
static void
recent1_report (int seconds)
{
  int recent = thread_get_recent_cpu ();
  int load = thread_get_load_avg ();
  msg ("after %d seconds: recent_cpu %d.%02d, load average %d.%02d",
       seconds, recent / 100, recent % 100, load / 100, load % 100);
}

static void
mlfqs_recent_1_test (void)
{
  msg ("one thread spins for %d seconds", RECENT1_SECONDS);
  int64_t t0 = thtest_mlfqs_start ();
  thtest_print_load ("at the start");
  for (int s = RECENT1_EVERY; s <= RECENT1_SECONDS; s += RECENT1_EVERY)
    {
      thtest_spin_until (t0 + s * TIMER_FREQ);
      recent1_report (s);
    }
  thtest_mlfqs_check ("the spinning thread");
}

KTEST ("mlfqs-recent-1", mlfqs_recent_1_test);
