/* Helper guest of credit-idle: a VM whose every VCPU halts.  VCPU 0
   wakes once every IDLE_TICKS ticks; the others have no timer and
   halt for ever.  None should cost the host any CPU time. */

#include "tests/sched/credit-guest.h"

const char test_name[] = "credit-idle";

#define IDLE_TICKS 50
#define TIMER_VECTOR 40

/* A secondary VCPU: takes interrupts (there will be none) and halts. */
static void NO_RETURN
halt_for_ever (void)
{
  idt_init ();
  for (;;)
    guest_wait ();
}

int
main (void)
{
  credit_start_vcpus (halt_for_ever);
  timer_start (IDLE_TICKS, TIMER_VECTOR, timer_count);
  for (;;)
    guest_wait ();
}
