/* Helper guest of credit-yield: burns CPU but gives its VCPU up just
   before every host tick, the way a guest would escape a scheduler
   that charges whoever happens to run when the tick comes.  It finds
   the ticks with the virtual timer's NOW register and the TSC. */

#include "tests/sched/credit-guest.h"

const char test_name[] = "credit-yielder";

/* Yield when this many 64ths of a tick have gone by. */
#define YIELD_AT 58

/* Waits for the virtual timer's tick count to change and returns the
   TSC then: the start of a tick. */
static uint64_t
next_tick_edge (void)
{
  uint32_t now = timer_now ();
  while (timer_now () == now)
    continue;
  return rdtsc ();
}

int
main (void)
{
  guest_sti ();
  uint64_t edge = next_tick_edge ();
  uint64_t tick = next_tick_edge () - edge;
  edge += tick;
  for (;;)
    {
      /* The tick that is running now began at EDGE. */
      uint64_t now = rdtsc ();
      edge += (now - edge) / tick * tick;
      while (rdtsc () - edge < tick * YIELD_AT / 64)
        continue;
      hypercall (HC_YIELD, 0, 0);
    }
}
