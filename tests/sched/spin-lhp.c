/* Lock-holder preemption, measured: two guest kernel threads on two
   VCPUs take turns at one spinlock that is held most of the time,
   while CPU-hog VMs keep the host busy (the kernel side starts them).
   The hv decides whether a VCPU goes on running when it exits, so the
   critical section makes exits as a real one touching a device would:
   it reads the virtual timer (an MMIO register) at each of its steps.
   The hv then often preempts a VCPU whose thread holds the lock, and
   the other VCPU, when it runs, spins for nothing.  The lock is taken
   with kspin_lock, which leaves interrupts on as a guest's ordinary
   locks do.  The same run is made twice, without and with the
   mitigation (a spinner that has spun KSPIN_BOUND times yields its
   CPU to the holder's VCPU, HC_YIELD_TO); each prints the lock's
   figures and the average wait per acquisition. */

#include "tests/sched/tier2-common.h"

const char test_name[] = "spin-lhp";

/* Ticks each run lasts. */
#define RUN_TICKS 300

/* The critical section: steps of one exit and some computing. */
#define STEPS 4
#define STEP 500

/* Iterations computed outside the lock per turn. */
#define OUTSIDE 500

static struct kspin lock;
static volatile uint32_t deadline;
static uint32_t lock_clock;     /* Guarded by LOCK. */

/* Takes turns at the lock until the deadline. */
static void
contender (void *aux UNUSED)
{
  do
    {
      kspin_lock (&lock);
      for (int i = 0; i < STEPS; i++)
        {
          lock_clock = timer_now ();
          tier2_burn (STEP);
        }
      kspin_unlock (&lock);
      tier2_burn (OUTSIDE);
    }
  while (timer_now () < deadline);
}

/* Runs the two contenders for RUN_TICKS with the mitigation on or off
   (YIELD), and prints the lock's figures under the name LABEL. */
static void
measure (const char *label, bool yield)
{
  kspin_init (&lock);
  kspin_directed_yield = yield;
  deadline = timer_now () + RUN_TICKS;
  if (kthread_create ("contender0", contender, NULL) == NULL
      || kthread_create ("contender1", contender, NULL) == NULL)
    fail ("cannot create the threads");
  kthread_wait_all ();

  uint32_t acquires = lock.acquires;
  if (acquires == 0)
    fail ("%s: the lock was never taken", label);
  msg ("%s: acquisitions %u, contended %u, directed yields %u",
       label, (unsigned) acquires, (unsigned) lock.contended,
       (unsigned) lock.yields);
  msg ("%s: per acquisition, wait cycles %llu, spins %llu", label,
       (unsigned long long) (lock.wait_cycles / acquires),
       (unsigned long long) (lock.spins / acquires));
}

int
main (void)
{
  tier2_check_vcpus (2);
  measure ("spinning only", false);
  measure ("directed yield", true);
  return 0;
}
