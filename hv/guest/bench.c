/* The guest half of the hv benchmark (make bench): times, with the
   TSC, a CPUID exit round trip, a null hypercall round trip, and the
   CPU-bound loop the host also runs (tests/hv/hv-bench.c), first with
   interrupts masked, as the guest starts (each host tick then reaches
   it as an NMI, hv/vcpu.c), then unmasked.  Prints the cycle counts for
   tests/hv/bench.pl. */

#include "hv/guest/guest.h"
#include "tests/hv/bench-loop.h"

const char test_name[] = "hv-bench";

#define ROUNDS 1000

static uint32_t buffer[BENCH_BUFFER_WORDS];

int
main (void)
{
  uint64_t start = rdtsc ();
  for (int i = 0; i < ROUNDS; i++)
    cpuid (0, 0);
  uint64_t cpuid = (rdtsc () - start) / ROUNDS;

  start = rdtsc ();
  for (int i = 0; i < ROUNDS; i++)
    hypercall (HC_NULL, 0, 0);
  uint64_t hcall = (rdtsc () - start) / ROUNDS;

  uint64_t masked = bench_time_loop (buffer);
  guest_sti ();
  uint64_t unmasked = bench_time_loop (buffer);

  msg ("guest: cpuid %llu hypercall %llu loop %llu", cpuid, hcall, masked);
  msg ("guest: loop unmasked %llu", unmasked);
  return 0;
}
