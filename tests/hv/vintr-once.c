/* Virtual interrupts arrive exactly once: a guest that takes the
   virtual timer's interrupts with IF set for a while counts as many
   interrupts as the timer counts expiries, no fewer, no more (an
   injected interrupt delivered twice would show here). */

#include "hv/guest/guest.h"

const char test_name[] = "vintr-once";

#define TIMER_VECTOR 0x30
#define WANTED 40
#define SETTLE 100000                   /* Loop turns for stragglers. */

int
main (void)
{
  timer_start (1, TIMER_VECTOR, timer_count);
  guest_sti ();
  while (timer_interrupts () < WANTED)
    continue;
  guest_cli ();
  timer_stop ();
  unsigned expiries = timer_fired ();

  guest_sti ();
  for (int i = 0; i < SETTLE; i++)
    asm volatile ("nop");
  guest_cli ();
  if (timer_interrupts () != expiries)
    fail ("%u expiries but %u interrupts", expiries, timer_interrupts ());
  msg ("as many interrupts as timer expiries: each delivered once");
  return 0;
}
