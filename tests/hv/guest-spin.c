/* Helper guest of exit-intr: spins with interrupts enabled and never
   exits on its own. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-intr";

int
main (void)
{
  guest_sti ();
  for (;;)
    asm volatile ("" : : : "memory");
}
