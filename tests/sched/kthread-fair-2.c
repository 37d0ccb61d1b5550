/* Four CPU-bound guest kernel threads on two VCPUs: each gets half a
   VCPU, and neither VCPU idles. */

#include "tests/sched/tier2-common.h"

const char test_name[] = "kthread-fair-2";

int
main (void)
{
  tier2_check_vcpus (2);
  tier2_run_workers (4, 200);
  return 0;
}
