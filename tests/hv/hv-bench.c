/* The host half of the hv benchmark (make bench; not one of the lab's
   tests).  It times, on the host: a software-interrupt round trip
   (INT to a handler that returns at once, the host's cheapest kernel
   entry), the CPU-bound loop the guest also runs, the same loop with
   interrupts off (its bare cost: a loop loses the rest to timer
   ticks), and a switch between two kernel threads.  It runs the guest
   halves: hv/guest/bench.c (exits, hypercalls, the loop in a guest),
   a spinning guest to see where a tick goes (tests/hv/guest-spin.c),
   hv/guest/bench-pingpong.c (a VCPU switch), and VMs of
   hv/guest/bench-yield.c with 2, 8 and 64 VCPUs (the cost of a
   scheduling decision).  Every line is a figure; tests/hv/bench.pl
   turns them into ratios. */

#include <inttypes.h>
#include <string.h>
#include "tests/hv/bench-loop.h"
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/interrupt.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"

#define ROUNDS 1000
#define BENCH_VECTOR 0x41               /* Free in every kernel. */

static uint32_t buffer[BENCH_BUFFER_WORDS];

/* The report of the VM that ended last: too big for a kernel stack
   that also holds vmctl_wait's frames. */
static struct vmctl_report report;

/* The software interrupt's handler: does nothing. */
static void
bench_trap (struct intr_frame *frame UNUSED)
{
}

/* Returns the TSC cycles of an INT round trip to an empty handler. */
static uint64_t
bench_int (void)
{
  intr_register_int (BENCH_VECTOR, 0, INTR_ON, bench_trap, "hv-bench");
  uint64_t start = rdtsc ();
  for (int i = 0; i < ROUNDS; i++)
    asm volatile ("int %0" : : "i" (BENCH_VECTOR) : "memory");
  uint64_t cycles = (rdtsc () - start) / ROUNDS;
  intr_unregister (BENCH_VECTOR);
  return cycles;
}

/* Two kernel threads ping-ponging through a pair of semaphores. */
struct bench_pingpong
  {
    struct semaphore ping;      /* Upped by the benchmark's thread. */
    struct semaphore pong;      /* Upped by the partner. */
  };

/* The partner thread: answers each ping with a pong, ROUNDS times. */
static void
bench_partner (void *aux)
{
  struct bench_pingpong *pp = aux;
  for (int i = 0; i < ROUNDS; i++)
    {
      sema_down (&pp->ping);
      sema_up (&pp->pong);
    }
}

/* Returns the TSC cycles of a switch between two host threads of
   equal priority, each blocking on a semaphore the other ups: two
   switches a round, ROUNDS rounds. */
static uint64_t
bench_thread_switch (void)
{
  struct bench_pingpong pp;
  sema_init (&pp.ping, 0);
  sema_init (&pp.pong, 0);
  if (thread_create ("bench-partner", thread_get_priority (), bench_partner,
                     &pp) == TID_ERROR)
    fail ("cannot create the partner thread");
  uint64_t start = rdtsc ();
  for (int i = 0; i < ROUNDS; i++)
    {
      sema_up (&pp.ping);
      sema_down (&pp.pong);
    }
  return (rdtsc () - start) / (2 * ROUNDS);
}

/* Creates a VM of guest image FILE with VCPUS VCPUs; returns its
   number. */
static int
bench_create (const char *file, unsigned vcpus)
{
  struct hvtest_options options = { .vcpus = vcpus };
  return hvtest_create (file, &options);
}

/* Runs a guest that only spins, interrupts unmasked (guest-spin), for
   a window of ticks, and prints how that time split: the guest's run
   time, the time the host took for itself as the guest exited (its
   interrupt handlers, its scheduler), the rest being the hv's (exit,
   handler, loop, re-entry); with the VM's INTR exits and the cycles
   their handler took, and the window in TSC cycles. */
static void
bench_ticks (void)
{
  enum { WARM_UP = 5, WINDOW = 50 };
  struct vmctl_sched start, end;
  size_t free_before = palloc_free_count ();

  int vm = bench_create ("guest-spin.bin", 1);
  vmctl_start (vm);
  timer_sleep (WARM_UP);
  hvtest_sched (vm, "bench", &start);
  uint64_t tsc = rdtsc ();
  timer_sleep (WINDOW);
  hvtest_sched (vm, "bench", &end);
  uint64_t cycles = rdtsc () - tsc;
  vmctl_kill (vm);
  if (vmctl_wait (vm, &report) != VMCTL_OK)
    fail ("waiting for guest-spin");
  hvtest_check_pages (free_before);

  uint64_t window = end.now_us - start.now_us;
  msg ("hv: spinning guest: window %"PRIu64" us, guest %"PRIu64" us, host %"
       PRIu64" us, %"PRIu64" cycles", window, end.vm.run_us - start.vm.run_us,
       end.host_us - start.host_us, cycles);
  for (size_t i = 0; i < report.stat_cnt; i++)
    if (!strcmp (report.stats[i].reason, "intr"))
      msg ("hv: spinning guest: %"PRIu64" intr exits, handler %"PRIu64
           " cycles", report.stats[i].count, report.stats[i].cycles);
}

/* Measures the cost of a scheduling decision with VMS VMs of
   bench-yield, VCPUS VCPUs each, every VCPU yielding over and over:
   prints the decisions the hv made over a window of ticks and the
   cycles they took. */
static void
bench_decisions (int vms, unsigned vcpus)
{
  enum { WARM_UP = 5, WINDOW = 20, VMS_MAX = 8 };
  int ids[VMS_MAX];
  struct vmctl_sched start, end;
  size_t free_before = palloc_free_count ();

  ASSERT (vms <= VMS_MAX);
  for (int i = 0; i < vms; i++)
    ids[i] = bench_create ("bench-yield.bin", vcpus);
  for (int i = 0; i < vms; i++)
    vmctl_start (ids[i]);
  timer_sleep (WARM_UP);
  hvtest_sched (ids[0], "bench", &start);
  timer_sleep (WINDOW);
  hvtest_sched (ids[0], "bench", &end);
  for (int i = 0; i < vms; i++)
    vmctl_kill (ids[i]);
  for (int i = 0; i < vms; i++)
    if (vmctl_wait (ids[i], &report) != VMCTL_OK)
      fail ("waiting for bench-yield VM %d", i);
  hvtest_check_pages (free_before);
  msg ("hv: decisions with %u vcpus: %"PRIu64" in %"PRIu64" cycles",
       vms * vcpus, end.decisions - start.decisions,
       end.decision_cycles - start.decision_cycles);
}

static void
hv_bench (void)
{
  /* Above the hv's loop thread, so that windows close on time. */
  thread_set_priority (PRI_DEFAULT + 1);
  uint64_t trap = bench_int ();
  uint64_t loop = bench_time_loop (buffer);
  /* The timer ticks of this run are lost: nothing here needs them. */
  enum intr_level old_level = intr_disable ();
  uint64_t bare = bench_time_loop (buffer);
  intr_set_level (old_level);
  msg ("host: int %"PRIu64" loop %"PRIu64" without interrupts %"PRIu64,
       trap, loop, bare);
  msg ("host: thread switch %"PRIu64, bench_thread_switch ());

  hvtest_run ("bench.bin", NULL, &report);
  bench_ticks ();
  struct hvtest_options two = { .vcpus = 2 };
  hvtest_run ("bench-pingpong.bin", &two, &report);
  bench_decisions (1, 2);
  bench_decisions (1, 8);
  bench_decisions (8, 8);
}
KTEST ("hv-bench", hv_bench);
