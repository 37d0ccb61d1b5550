/* Helper guest of smp-speedup and smp-bench: every VCPU runs the same
   CPU-bound job, SMP_WORK turns of a loop.  VCPU 0 then waits,
   yielding its CPU, until every VCPU has finished, and exits with the
   number that did. */

#include "tests/sched/credit-guest.h"

const char test_name[] = "smp-work";

/* Loop turns of each VCPU's job. */
#define SMP_WORK 400000

/* VCPUs that have finished their job. */
static volatile unsigned finished;

/* Runs one VCPU's job and counts it as finished. */
static void
smp_job (void)
{
  for (volatile unsigned i = 0; i < SMP_WORK; i++)
    continue;
  __atomic_fetch_add (&finished, 1, __ATOMIC_SEQ_CST);
}

/* A secondary VCPU: does its job, then halts for good (interrupts on,
   no timer: the VM ends while it waits). */
static void NO_RETURN
smp_secondary (void)
{
  idt_init ();
  smp_job ();
  for (;;)
    guest_wait ();
}

int
main (void)
{
  credit_start_vcpus (smp_secondary);
  smp_job ();
  guest_sti ();
  while (finished < credit_vcpus ())
    hypercall (HC_YIELD, 0, 0);
  return finished;
}
