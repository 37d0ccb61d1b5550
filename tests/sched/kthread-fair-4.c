/* Eight CPU-bound guest kernel threads on four VCPUs: each gets half a
   VCPU, and no VCPU idles. */

#include "tests/sched/tier2-common.h"

const char test_name[] = "kthread-fair-4";

int
main (void)
{
  tier2_check_vcpus (4);
  tier2_run_workers (8, 200);
  return 0;
}
