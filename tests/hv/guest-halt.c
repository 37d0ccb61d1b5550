/* Helper guest of vm-kill: arms the virtual timer a long way off and
   halts with interrupts on, waiting for an interrupt that comes only
   after the test is over. */

#include "hv/guest/guest.h"

const char test_name[] = "vm-kill";

#define FAR_AWAY (1u << 30)             /* Ticks: about four months. */
#define VECTOR 40

int
main (void)
{
  timer_start (FAR_AWAY, VECTOR, timer_count);
  for (;;)
    guest_wait ();
}
