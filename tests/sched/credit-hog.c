/* Helper guest of the tier-3 tests: every VCPU of the VM burns CPU
   for ever. */

#include "tests/sched/credit-guest.h"

const char test_name[] = "credit-hog";

int
main (void)
{
  credit_start_vcpus (credit_spin);
  credit_spin ();
}
