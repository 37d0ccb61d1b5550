/* The CPU-bound loop of the hv benchmark, compiled into both the
   kernel (tests/hv/hv-bench.c) and a guest (hv/guest/bench.c) so that
   the same instructions run on the host and in a VM. */
#ifndef TESTS_HV_BENCH_LOOP_H
#define TESTS_HV_BENCH_LOOP_H

#include <stdint.h>
#include "threads/cpu.h"

/* Iterations of the loop, and the size of the buffer it walks. */
#define BENCH_LOOP_ITERATIONS 200000
#define BENCH_BUFFER_WORDS 4096

/* Fills and sums BUFFER (BENCH_BUFFER_WORDS words) over and over with
   an arithmetic mix, ITERATIONS steps (at least one); returns the sum.
   Written in assembly so that the host and every guest run exactly
   the same nine instructions a step: compiled from C, the two copies
   came out one instruction a step apart, which alone made the guest
   look 10% slower. */
static inline uint32_t
bench_loop (uint32_t *buffer, uint32_t iterations)
{
  uint32_t x = 12345, sum = 0, index;

  asm volatile ("1: imul $1103515245, %[x], %[x]\n\t"
                "add $12345, %[x]\n\t"
                "mov %[x], %[index]\n\t"
                "shr $8, %[index]\n\t"
                "and %[mask], %[index]\n\t"
                "add %[x], (%[buffer], %[index], 4)\n\t"
                "xor (%[buffer], %[index], 4), %[sum]\n\t"
                "dec %[left]\n\t"
                "jnz 1b"
                : [x] "+r" (x), [sum] "+r" (sum), [left] "+r" (iterations),
                  [index] "=&r" (index)
                : [buffer] "r" (buffer), [mask] "i" (BENCH_BUFFER_WORDS - 1)
                : "cc", "memory");
  return sum;
}
_Static_assert ((BENCH_BUFFER_WORDS & (BENCH_BUFFER_WORDS - 1)) == 0,
                "the loop masks indexes: a power of two");

/* Where bench_time_loop leaves the loop's sum, so that the compiler
   cannot drop the work. */
static volatile uint32_t bench_sink;

/* Touches BUFFER (BENCH_BUFFER_WORDS words) first, then returns the
   TSC cycles that BENCH_LOOP_ITERATIONS steps of the loop take. */
static inline uint64_t
bench_time_loop (uint32_t *buffer)
{
  bench_sink = bench_loop (buffer, BENCH_BUFFER_WORDS);
  uint64_t start = rdtsc ();
  bench_sink = bench_loop (buffer, BENCH_LOOP_ITERATIONS);
  return rdtsc () - start;
}

#endif /* tests/hv/bench-loop.h */
