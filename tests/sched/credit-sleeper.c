/* Helper guest of credit-boost: halts, wakes at every SLEEP_TICKS-th
   tick of its virtual timer, does a little work, halts again. */

#include "tests/sched/credit-guest.h"

const char test_name[] = "credit-sleeper";

#define SLEEP_TICKS 4
#define TIMER_VECTOR 40

/* Loop iterations of work after each wake-up. */
#define WORK 200

int
main (void)
{
  timer_start (SLEEP_TICKS, TIMER_VECTOR, timer_count);
  for (;;)
    {
      guest_wait ();
      for (volatile int i = 0; i < WORK; i++)
        continue;
    }
}
