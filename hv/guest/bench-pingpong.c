/* A guest of the hv benchmark (make bench): its two VCPUs hand the
   CPU to each other with directed yields (HC_YIELD_TO), and VCPU 0
   times SWITCHES of these VCPU switches with the TSC: the wall-clock
   cycles per switch, host ticks included, to compare with a switch
   between two host threads (tests/hv/hv-bench.c). */

#include "tests/sched/credit-guest.h"

const char test_name[] = "hv-bench";

#define SWITCHES 2000
#define WARM_UP 20

/* Directed yields that ran the other VCPU, by either VCPU.  The two
   never run at once (the hv has one physical CPU), so a plain
   increment is safe. */
static volatile uint32_t switches;

/* Hands the CPU to VCPU number OTHER; counts the switch if it ran. */
static void
switch_to (unsigned other)
{
  if (hypercall (HC_YIELD_TO, other, 0) == 0)
    switches++;
}

/* VCPU 1: hands the CPU back to VCPU 0, for ever. */
static void NO_RETURN
partner (void)
{
  for (;;)
    switch_to (0);
}

int
main (void)
{
  guest_sti ();
  credit_start_vcpus (partner);
  while (switches < WARM_UP)
    switch_to (1);

  uint32_t first = switches;
  uint64_t start = rdtsc ();
  while (switches - first < SWITCHES)
    switch_to (1);
  uint64_t cycles = rdtsc () - start;
  msg ("guest: vcpu switch %llu", cycles / (switches - first));
  return 0;
}
