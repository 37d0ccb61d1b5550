/* Helper guest of the kernel tests reclaim-leak and reclaim-noswap
   (tests/hv/reclaim.c): the big sweep (bigmem.inc) and nothing else,
   so that whatever it has in swap at the end is freed by the VM's
   destruction. */

#include "hv/guest/guest.h"

const char test_name[] = "guest-bigmem";

#include "tests/hv/bigmem.inc"

int
main (void)
{
  sweep ();
  return 0;
}
