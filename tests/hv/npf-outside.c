/* A guest-physical address that is neither RAM nor MMIO: the access
   kills the VM; it can reach no host page and no other VM's. */

#include "hv/guest/guest.h"

const char test_name[] = "npf-outside";

#define OUTSIDE 0x20000000u             /* Far above the VM's 4 MiB. */

int
main (void)
{
  msg ("reading guest-physical %#x", OUTSIDE);
  uint32_t v = *(volatile uint32_t *) OUTSIDE;
  fail ("read %#x outside guest memory", (unsigned) v);
}
