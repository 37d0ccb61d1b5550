/* Helper guest of spin-masked: masks interrupts and spins, never
   exiting on its own: only the hv's budget can end it. */

#include "hv/guest/guest.h"

const char test_name[] = "spin-masked";

int
main (void)
{
  msg ("spinning with interrupts masked");
  guest_cli ();
  for (;;)
    asm volatile ("" : : : "memory");
}
