/* Virtual interrupts: with interrupts enabled, the virtual timer's
   expiries arrive as interrupts on the vector the guest chose, while
   the guest computes without making a single exit of its own. */

#include "hv/guest/guest.h"

const char test_name[] = "vintr-timer";

#define TIMER_VECTOR 0x30
#define WANTED 10

static volatile unsigned interrupts;

/* The virtual timer's interrupt handler: counts the interrupt. */
static void
on_timer (unsigned vector, struct guest_frame *frame UNUSED,
          uint32_t error UNUSED)
{
  if (vector != TIMER_VECTOR)
    fail ("timer interrupt on vector %#x", vector);
  interrupts++;
}

int
main (void)
{
  timer_start (1, TIMER_VECTOR, on_timer);
  guest_sti ();
  while (interrupts < WANTED)
    continue;
  guest_cli ();
  timer_stop ();
  msg ("%d timer interrupts arrived while the guest spun", WANTED);
  return 0;
}
