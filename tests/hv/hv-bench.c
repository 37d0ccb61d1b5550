/* The host half of the hv benchmark (make bench; not one of the lab's
   tests): times a software-interrupt round trip (INT to a handler that
   returns at once, the host's cheapest kernel entry) and the same
   CPU-bound loop the guest runs, then runs the guest half
   (hv/guest/bench.c).  tests/hv/bench.pl turns the figures of both
   into ratios. */

#include "tests/hv/bench-loop.h"
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"

#define ROUNDS 1000
#define BENCH_VECTOR 0x41               /* Free in every kernel. */

static uint32_t buffer[BENCH_BUFFER_WORDS];

/* The software interrupt's handler: does nothing. */
static void
bench_trap (struct intr_frame *frame UNUSED)
{
}

static void
hv_bench (void)
{
  struct vmctl_report report;

  intr_register_int (BENCH_VECTOR, 0, INTR_ON, bench_trap, "hv-bench");
  uint64_t start = rdtsc ();
  for (int i = 0; i < ROUNDS; i++)
    asm volatile ("int %0" : : "i" (BENCH_VECTOR) : "memory");
  uint64_t trap = (rdtsc () - start) / ROUNDS;
  intr_unregister (BENCH_VECTOR);

  bench_loop (buffer, BENCH_BUFFER_WORDS);
  start = rdtsc ();
  uint32_t sum = bench_loop (buffer, BENCH_LOOP_ITERATIONS);
  uint64_t loop = rdtsc () - start;
  msg ("host: int %llu loop %llu (sum %x)", trap, loop, (unsigned) sum);

  hvtest_run ("bench.bin", NULL, &report);
}
KTEST ("hv-bench", hv_bench);
