/* Helper guest of exit-unknown: runs RDTSC, which the test makes the
   hv intercept without a handler. */

#include "hv/guest/guest.h"

const char test_name[] = "exit-unknown";

int
main (void)
{
  msg ("reading the TSC");
  rdtsc ();
  fail ("RDTSC did not exit");
}
