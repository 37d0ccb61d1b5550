/* A guest of "make bench-paging": TLB misses.  With its own paging on
   (PAE tables over 12 MiB of RAM; the VM must be made with +ram=12),
   it strides page by page over the 8 MiB from 4 MiB to 12 MiB, 2,048
   pages, many times: more pages than a TLB holds, so nearly every
   access is a miss and a page walk.  Under nested paging that walk is
   two-dimensional (each guest table entry is itself reached through
   the hv's tables); under shadow paging it is one walk of the hv's
   shadow tables.  One pass first fills in guest memory (and the
   shadows) so the timed passes take no exits for it. */

#include "hv/guest/bench-paging.h"

const char test_name[] = "bench-paging-tlb";

#define RAM_END (12u << 20)             /* The VM's RAM (+ram=12). */
#define REGION_START (4u << 20)         /* The pages strided over. */
#define REGION_PAGES ((RAM_END - REGION_START) / BENCH_PAGE_SIZE)
#define PASSES 256                      /* Timed passes. */

/* Adds one to a word of each page of the region, a different cache
   line in each page; returns the sum of the words' new values. */
static uint32_t
stride_pass (void)
{
  uint32_t sum = 0;
  for (uint32_t p = 0; p < REGION_PAGES; p++)
    {
      volatile uint32_t *word = (volatile uint32_t *)
        (REGION_START + p * BENCH_PAGE_SIZE + p % 64 * 64);
      sum += ++*word;
    }
  return sum;
}

int
main (void)
{
  bench_paging_on (PAGING_PAE, RAM_END);
  stride_pass ();

  msg ("work: %d passes over %u pages", PASSES, REGION_PAGES);
  uint64_t start = rdtsc ();
  uint32_t sum = 0;
  for (int i = 0; i < PASSES; i++)
    sum += stride_pass ();
  bench_paging_report (rdtsc () - start, sum);
  return 0;
}
