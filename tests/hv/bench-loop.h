/* The CPU-bound loop of the hv benchmark, compiled into both the
   kernel (tests/hv/hv-bench.c) and a guest (hv/guest/bench.c) so that
   the same instructions run on the host and in a VM. */
#ifndef TESTS_HV_BENCH_LOOP_H
#define TESTS_HV_BENCH_LOOP_H

#include <stdint.h>

/* Iterations of the loop, and the size of the buffer it walks. */
#define BENCH_LOOP_ITERATIONS 200000
#define BENCH_BUFFER_WORDS 4096

/* Fills and sums BUFFER (BENCH_BUFFER_WORDS words) over and over with
   an arithmetic mix, ITERATIONS steps; returns the sum, so that the
   compiler cannot drop the work. */
static inline uint32_t
bench_loop (uint32_t *buffer, uint32_t iterations)
{
  uint32_t x = 12345, sum = 0;

  for (uint32_t i = 0; i < iterations; i++)
    {
      x = x * 1103515245u + 12345u;
      uint32_t *word = &buffer[(x >> 8) % BENCH_BUFFER_WORDS];
      *word += x;
      sum ^= *word;
    }
  return sum;
}

#endif /* tests/hv/bench-loop.h */
