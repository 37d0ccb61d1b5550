/* Three CPU-bound guest kernel threads on two VCPUs.  One VCPU has a
   single thread, so its run queue is empty whenever that thread's
   slice ends: it must take a waiting thread from the other VCPU, or
   the lone thread gets twice the others' share. */

#include "tests/sched/tier2-common.h"

const char test_name[] = "kthread-steal";

int
main (void)
{
  tier2_check_vcpus (2);
  tier2_run_workers (3, 200);
  return 0;
}
