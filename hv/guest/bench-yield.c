/* A guest of the hv benchmark (make bench): every VCPU of the VM gives
   its CPU up (HC_YIELD) over and over, so that each of its exits makes
   the hv's scheduler pick the next VCPU.  tests/hv/hv-bench.c runs VMs
   of it, 2, 8 and 64 VCPUs in all, and reads what a decision costs. */

#include "tests/sched/credit-guest.h"

const char test_name[] = "bench-yield";

/* Yields the VCPU, for ever. */
static void NO_RETURN
yield_for_ever (void)
{
  guest_sti ();
  for (;;)
    hypercall (HC_YIELD, 0, 0);
}

int
main (void)
{
  credit_start_vcpus (yield_for_ever);
  yield_for_ever ();
}
