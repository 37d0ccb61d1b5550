/* HLT exits: a guest that halts with the virtual timer armed sleeps
   until the timer's next interrupt, and each halt ends with one. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-hlt";

#define HALTS 5
#define TIMER_VECTOR 40

int
main (void)
{
  timer_start (2, TIMER_VECTOR, timer_count);
  for (int i = 0; i < HALTS; i++)
    {
      unsigned before = timer_interrupts ();
      guest_wait ();
      guest_cli ();
      if (timer_interrupts () == before)
        fail ("halt %d ended without a timer interrupt", i);
    }
  timer_stop ();
  msg ("%d halts, each ended by a timer interrupt", HALTS);
  return 0;
}
