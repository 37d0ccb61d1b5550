/* What the tier-2 guest tests share (tier2-common.c): CPU-bound worker
   threads that run until a deadline and report how much work each
   did, for the fairness and balancing tests. */
#ifndef TESTS_SCHED_TIER2_COMMON_H
#define TESTS_SCHED_TIER2_COMMON_H

#include "hv/guest/kernel.h"

/* Most workers tier2_run_workers runs. */
#define TIER2_WORKERS_MAX 16

void tier2_check_vcpus (unsigned wanted);
void tier2_run_workers (unsigned count, unsigned ticks);
void tier2_burn (unsigned iterations);

#endif /* tests/sched/tier2-common.h */
