/* Helper guest of exit-unknown: runs RDPMC, which the test makes the
   hv intercept without a handler. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-unknown";

int
main (void)
{
  msg ("reading a performance counter");
  asm volatile ("rdpmc" : : "c" (0) : "eax", "edx");
  fail ("RDPMC did not exit");
}
