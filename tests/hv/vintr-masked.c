/* Virtual interrupts while the guest masks them: expiries that fall
   due with IF clear are held, not lost, and every one is delivered,
   once, as soon as the guest sets IF again. */

#include "hv/guest/guest.h"

const char test_name[] = "vintr-masked";

#define TIMER_VECTOR 0x31
#define MASKED_EXPIRIES 3
#define PATIENCE 1000000               /* Loop turns to wait after STI. */

int
main (void)
{
  guest_cli ();
  timer_start (1, TIMER_VECTOR, timer_count);
  while (timer_fired () < MASKED_EXPIRIES)
    continue;
  timer_stop ();
  unsigned expired = timer_fired ();
  if (timer_interrupts () != 0)
    fail ("%u interrupts arrived with IF clear", timer_interrupts ());
  msg ("at least %d expiries with interrupts masked: none delivered",
       MASKED_EXPIRIES);

  guest_sti ();
  for (int i = 0; i < PATIENCE && timer_interrupts () < expired; i++)
    asm volatile ("nop");
  guest_cli ();
  if (timer_interrupts () != expired)
    fail ("%u expiries, but %u interrupts after STI", expired,
          timer_interrupts ());
  msg ("after STI: one interrupt per expiry, none lost");
  return 0;
}
