/* A guest of "make bench-paging": CPU-bound work with the guest's
   paging on (2-level tables) over a few pages -- the benchmark's loop
   (tests/hv/bench-loop.h) on a 16 KiB buffer.  Its TLB holds every
   page it uses, so nested and shadow paging should cost it the same:
   the ratio to expect is 1. */

#include "hv/guest/bench-paging.h"
#include "tests/hv/bench-loop.h"

const char test_name[] = "bench-paging-cpu";

#define STEPS 1000000                   /* Steps of the loop timed. */

static uint32_t buffer[BENCH_BUFFER_WORDS];

int
main (void)
{
  bench_paging_on (PAGING_LEGACY, HV_GUEST_RAM_DEFAULT);
  bench_loop (buffer, BENCH_BUFFER_WORDS);     /* Touches its pages. */

  msg ("work: %d steps of the loop", STEPS);
  uint64_t start = rdtsc ();
  uint32_t sum = bench_loop (buffer, STEPS);
  bench_paging_report (rdtsc () - start, sum);
  return 0;
}
