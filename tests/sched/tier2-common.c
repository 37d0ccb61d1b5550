/* What the tier-2 guest tests share (see tier2-common.h). */

#include "tests/sched/tier2-common.h"

/* Iterations between two looks at the clock (each look is an MMIO
   exit, so not too often). */
#define TIER2_BATCH 4096

/* One worker's progress. */
struct tier2_worker
  {
    volatile uint32_t batches;  /* Batches of TIER2_BATCH iterations. */
    uint32_t deadline;          /* Tick at which it stops. */
  };

static struct tier2_worker tier2_workers[TIER2_WORKERS_MAX];

/* Starts the guest kernel and fails unless the VM has WANTED VCPUs,
   all brought up; prints the count. */
void
tier2_check_vcpus (unsigned wanted)
{
  kernel_start ();
  msg ("vcpus: %u", smp_vcpu_cnt ());
  if (smp_vcpu_cnt () != wanted)
    fail ("the VM has %u VCPUs, this test needs %u", smp_vcpu_cnt (), wanted);
}

/* A worker thread: counts batches of busy iterations until its
   deadline. */
static void
tier2_worker_main (void *aux)
{
  struct tier2_worker *w = aux;

  while (timer_now () < w->deadline)
    {
      tier2_burn (TIER2_BATCH);
      w->batches++;
    }
}

/* Runs COUNT workers for TICKS ticks of the virtual clock, waits for
   them all, then prints how long they ran, each one's work ("worker I:
   batches B") and the guest kernel's per-thread and per-VCPU statistics. */
void
tier2_run_workers (unsigned count, unsigned ticks)
{
  ASSERT (count <= TIER2_WORKERS_MAX);
  uint32_t deadline = timer_now () + ticks;
  for (unsigned i = 0; i < count; i++)
    {
      char name[16];
      snprintf (name, sizeof name, "worker%u", i);
      tier2_workers[i].deadline = deadline;
      if (kthread_create (name, tier2_worker_main, &tier2_workers[i]) == NULL)
        fail ("cannot create %s", name);
    }
  kthread_wait_all ();
  msg ("workers ran %u ticks", ticks);
  for (unsigned i = 0; i < count; i++)
    msg ("worker %u: batches %u", i, (unsigned) tier2_workers[i].batches);
  kthread_print_stats ();
}

/* Keeps the CPU busy for ITERATIONS iterations of an empty loop. */
void
tier2_burn (unsigned iterations)
{
  for (volatile unsigned i = 0; i < iterations; i++)
    continue;
}
