/* Helper guest of vm-isolation, run in two VMs at once: each finds
   guest-physical 0x200000 zeroed, writes a value of its own there,
   lets the other VM run, and checks that its value is still there. */

#include "hv/guest/guest.h"

const char test_name[] = "vm-isolation";

#define MARKER_ADDR 0x200000u
#define ROUNDS 20

int
main (void)
{
  volatile uint32_t *marker = (uint32_t *) MARKER_ADDR;

  if (*marker != 0)
    fail ("found %#x at %#x before writing anything", (unsigned) *marker,
          MARKER_ADDR);
  uint32_t mine = (uint32_t) rdtsc () | 1;
  *marker = mine;
  for (int i = 0; i < ROUNDS; i++)
    {
      hypercall (HC_YIELD, 0, 0);
      if (*marker != mine)
        fail ("value at %#x changed to %#x", MARKER_ADDR, (unsigned) *marker);
    }
  msg ("page at %#x untouched by the other VM", MARKER_ADDR);
  return 0;
}
