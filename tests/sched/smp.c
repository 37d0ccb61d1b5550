/* Tier-3 tests on several physical CPUs: the hv's credit scheduler
   spreads VCPUs over the CPUs, steals, places woken VCPUs, respects
   pinning, and loses nothing while VCPUs move.  Each test runs on a
   machine of 5 CPUs (its launcher arguments): the boot CPU keeps the
   host kernel, and cpus 1 to 4 run VCPUs.  Each starts VMs of the helper
   guests (credit-*.c, smp-*.c), prints figures read through vmctl
   (vmctl_sched, vmctl_pcpus, vmctl_vcpu_cpus) and checks that every
   page came back; the .ck files (with tests/sched/smp.pm) judge the
   figures.  Bochs gives every CPU its own turn on one clock, so its
   timings mean what they say and repeat; QEMU's -icount runs the CPUs
   in turn on one clock, so there only invariants are checked.

   The test thread runs above the hv's loop thread, so that it reads
   the statistics as soon as its sleep ends. */

#include <inttypes.h>
#include <stdio.h>
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "devices/timer.h"
#include "threads/cpu.h"
#include "threads/module.h"
#include "threads/modutil.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"

/* CPUs that run VCPUs in every test here: cpus 1 to SMP_CPUS. */
#define SMP_CPUS 4

/* Most VMs a test runs, and ticks they run before a window opens. */
#define SMP_VMS_MAX 4
#define SMP_WARM_UP 20

/* A VM of a test. */
struct smp_vm
  {
    const char *file;           /* Guest image. */
    unsigned vcpus, weight;     /* 0: the default. */
    int id;                     /* Its vmctl number. */
    uint64_t run_at;            /* Its run time (us) as a window opened. */
    uint64_t run_us;            /* Its run time in the window. */
  };

/* The physical CPUs' statistics as a window opened, and its length. */
static struct vmctl_pcpu smp_pcpus_at[VMCTL_PCPUS_MAX];
static uint64_t smp_window_us;

/* Fails unless the hv runs VCPUs on SMP_CPUS CPUs; raises the test
   thread's priority. */
static void
smp_begin (void)
{
  int cpus = vmctl_pcpus (NULL, 0);
  if (cpus != SMP_CPUS)
    fail ("the hv runs VCPUs on %d CPUs, not %d", cpus, SMP_CPUS);
  thread_set_priority (PRI_DEFAULT + 1);
}

/* Creates VM (not started yet) with a budget no test reaches. */
static void
smp_create (struct smp_vm *vm)
{
  struct hvtest_options options = { .vcpus = vm->vcpus,
                                    .weight = vm->weight,
                                    .budget = 100000 };
  vm->id = hvtest_create (vm->file, &options);
}

/* Returns VM's run time so far, in microseconds. */
static uint64_t
smp_run_us (const struct smp_vm *vm)
{
  struct vmctl_sched sched;
  hvtest_sched (vm->id, vm->file, &sched);
  return sched.vm.run_us;
}

/* Kills and reaps the CNT VMs in VMS. */
static void
smp_kill_all (struct smp_vm vms[], int cnt)
{
  for (int i = 0; i < cnt; i++)
    vmctl_kill (vms[i].id);
  for (int i = 0; i < cnt; i++)
    {
      static struct vmctl_report report;  /* Too big for the stack. */
      if (vmctl_wait (vms[i].id, &report) != VMCTL_OK)
        fail ("waiting for vm %d", vms[i].id);
    }
}

/* Runs a window of TICKS ticks over the CNT VMs in VMS: each VM's
   RUN_US becomes its run time in the window, and the CPUs' statistics
   at its start are kept for smp_print_cpus. */
static void
smp_window (struct smp_vm vms[], int cnt, int64_t ticks)
{
  for (int i = 0; i < cnt; i++)
    vms[i].run_at = smp_run_us (&vms[i]);
  vmctl_pcpus (smp_pcpus_at, VMCTL_PCPUS_MAX);
  timer_sleep (ticks);
  for (int i = 0; i < cnt; i++)
    vms[i].run_us = smp_run_us (&vms[i]) - vms[i].run_at;
}

/* Returns PART as a share of WHOLE in tenths of a percent. */
static unsigned
smp_permille (uint64_t part, uint64_t whole)
{
  return whole != 0 ? (unsigned) (part * 1000 / whole) : 0;
}

/* Prints each CPU's busy share of the last window, the steals and
   migrations in it, and the mean busy share. */
static void
smp_print_cpus (void)
{
  static struct vmctl_pcpu now[VMCTL_PCPUS_MAX];
  int cpus = vmctl_pcpus (now, VMCTL_PCPUS_MAX);
  uint64_t total = 0;

  smp_window_us = now[0].now_us - smp_pcpus_at[0].now_us;
  for (int i = 0; i < cpus; i++)
    {
      uint64_t busy = now[i].busy_us - smp_pcpus_at[i].busy_us;
      unsigned s = smp_permille (busy, smp_window_us);
      total += busy;
      msg ("cpu %u: busy %u.%u%%, %"PRIu64" steals, %"PRIu64" migrations",
           now[i].cpu, s / 10, s % 10, now[i].steals - smp_pcpus_at[i].steals,
           now[i].migrations - smp_pcpus_at[i].migrations);
    }
  unsigned mean = smp_permille (total / cpus, smp_window_us);
  msg ("mean busy share: %u.%u%%", mean / 10, mean % 10);
}

/* Prints each VM's share of the time the CNT VMs in VMS ran together
   in the last window, under LABEL. */
static void
smp_print_shares (struct smp_vm vms[], int cnt, const char *label)
{
  uint64_t total = 0;
  for (int i = 0; i < cnt; i++)
    total += vms[i].run_us;
  for (int i = 0; i < cnt; i++)
    {
      unsigned s = smp_permille (vms[i].run_us, total);
      msg ("%s: vm %d share %u.%u%%", label, i + 1, s / 10, s % 10);
    }
}

/* Prints the CPUs VCPU number VCPU of VM ran on, as a list "0,2,3",
   under LABEL. */
static void
smp_print_vcpu_cpus (const struct smp_vm *vm, unsigned vcpu,
                     const char *label)
{
  struct vmctl_vcpu_cpus where;
  char list[2 * VMCTL_PCPUS_MAX + 1] = "";
  size_t len = 0;

  if (vmctl_vcpu_cpus (vm->id, vcpu, &where) != VMCTL_OK)
    fail ("cannot read where vm %d's VCPU %u ran", vm->id, vcpu);
  for (int cpu = 0; cpu < VMCTL_PCPUS_MAX; cpu++)
    if (where.cpus & (1u << cpu))
      len += snprintf (list + len, sizeof list - len, "%s%d",
                       len > 0 ? "," : "", cpu);
  msg ("%s: ran on cpus %s", label, len > 0 ? list : "none");
}

/* The CPUs' statistics as smp_busy_start was called. */
static struct vmctl_pcpu smp_busy_at[VMCTL_PCPUS_MAX];

/* Notes the CPUs' busy times now, for smp_busy_cpus. */
static void
smp_busy_start (void)
{
  vmctl_pcpus (smp_busy_at, VMCTL_PCPUS_MAX);
}

/* Returns how many CPUs have run VCPUs since smp_busy_start. */
static int
smp_busy_cpus (void)
{
  static struct vmctl_pcpu now[VMCTL_PCPUS_MAX];
  int cpus = vmctl_pcpus (now, VMCTL_PCPUS_MAX), busy = 0;
  for (int i = 0; i < cpus; i++)
    busy += now[i].busy_us > smp_busy_at[i].busy_us;
  return busy;
}

/* Pins every VCPU of VM to CPU (-1: unpins). */
static void
smp_pin_vm (const struct smp_vm *vm, int cpu)
{
  for (unsigned i = 0; i < (vm->vcpus != 0 ? vm->vcpus : 1); i++)
    if (vmctl_pin (vm->id, i, cpu) != VMCTL_OK)
      fail ("cannot pin VCPU %u of vm %d to cpu %d", i, vm->id, cpu);
}

/* Runs the 4-VCPU smp-work guest to its end, pinned to PINNED_CPUS
   CPUs (1, 2 or 4: VCPU i on cpu 4 - i % PINNED_CPUS; 4 means not
   pinned at all), and returns the host ticks it took from start to
   end.  Prints how many VCPUs finished their job. */
static int64_t
smp_run_work (int pinned_cpus, const char *label)
{
  struct smp_vm vm = { "smp-work.bin", 4, 0, 0, 0, 0 };
  static struct vmctl_report report;  /* Too big for the stack. */

  smp_create (&vm);
  if (pinned_cpus < SMP_CPUS)
    for (unsigned i = 0; i < vm.vcpus; i++)
      if (vmctl_pin (vm.id, i, SMP_CPUS - i % pinned_cpus) != VMCTL_OK)
        fail ("cannot pin VCPU %u", i);
  smp_busy_start ();
  int64_t start = timer_ticks ();
  vmctl_start (vm.id);
  if (vmctl_wait (vm.id, &report) != VMCTL_OK)
    fail ("waiting for smp-work");
  int64_t ticks = timer_ticks () - start;
  if (report.end != VMCTL_END_EXIT)
    fail ("smp-work was killed: %s", report.why);
  msg ("%s: %d of 4 VCPUs did their job in %"PRId64" ticks", label,
       report.exit_code, ticks);
  msg ("%s: the VCPUs ran on %d cpus", label, smp_busy_cpus ());
  return ticks;
}

/* smp-speedup: the same 4-VCPU CPU-bound job with every VCPU pinned to
   one CPU, then free to use all 4. */
static void
smp_speedup (void)
{
  size_t free_before = palloc_free_count ();
  smp_begin ();
  int64_t one = smp_run_work (1, "on 1 cpu");
  int64_t four = smp_run_work (4, "on 4 cpus");
  unsigned x100 = four > 0 ? (unsigned) (one * 100 / four) : 0;
  msg ("speed-up from 1 to 4 cpus: %u.%02u", x100 / 100, x100 % 100);
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("smp-speedup", smp_speedup);

/* smp-balance: 4 VMs of 2 busy VCPUs each, weights 1:1:2:4, on 4
   CPUs: every CPU stays busy, and the VMs share the 4 CPUs by weight
   (0.5, 0.5, 1 and 2 CPUs). */
static void
smp_balance (void)
{
  static struct smp_vm vms[SMP_VMS_MAX] = {
    { "credit-hog.bin", 2, 128, 0, 0, 0 },
    { "credit-hog.bin", 2, 128, 0, 0, 0 },
    { "credit-hog.bin", 2, 256, 0, 0, 0 },
    { "credit-hog.bin", 2, 512, 0, 0, 0 } };
  size_t free_before = palloc_free_count ();

  smp_begin ();
  for (int i = 0; i < SMP_VMS_MAX; i++)
    smp_create (&vms[i]);
  for (int i = 0; i < SMP_VMS_MAX; i++)
    vmctl_start (vms[i].id);
  timer_sleep (SMP_WARM_UP);
  smp_window (vms, SMP_VMS_MAX, 200);
  smp_print_cpus ();
  smp_print_shares (vms, SMP_VMS_MAX, "weights 1:1:2:4 on 4 cpus");
  smp_kill_all (vms, SMP_VMS_MAX);
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("smp-balance", smp_balance);

/* smp-pin: a 2-VCPU hog with VCPU 0 pinned to cpu 3 and VCPU 1 to cpu
   4, among 4 more busy VCPUs that are free to move; then VCPU 0 is
   pinned to cpu 2 instead, and finally unpinned.  Cpu 0 runs no VCPUs
   and cpu 5 does not exist: pinning to either is refused. */
static void
smp_pin (void)
{
  static struct smp_vm vms[3] = {
    { "credit-hog.bin", 2, 0, 0, 0, 0 },
    { "credit-hog.bin", 2, 0, 0, 0, 0 },
    { "credit-hog.bin", 2, 0, 0, 0, 0 } };
  size_t free_before = palloc_free_count ();

  smp_begin ();
  for (int i = 0; i < 3; i++)
    smp_create (&vms[i]);
  if (vmctl_pin (vms[0].id, 0, 3) != VMCTL_OK
      || vmctl_pin (vms[0].id, 1, 4) != VMCTL_OK)
    fail ("cannot pin vm 1's VCPUs");
  msg ("pinning to cpu 0: %s", vmctl_strerror (vmctl_pin (vms[0].id, 0, 0)));
  msg ("pinning to cpu 5: %s", vmctl_strerror (vmctl_pin (vms[0].id, 0, 5)));
  for (int i = 0; i < 3; i++)
    vmctl_start (vms[i].id);
  smp_window (vms, 3, 100);
  smp_print_vcpu_cpus (&vms[0], 0, "pinned to cpu 3: vm 1 vcpu 0");
  smp_print_vcpu_cpus (&vms[0], 1, "pinned to cpu 4: vm 1 vcpu 1");
  msg ("vm 1 ran %"PRIu64" us of the window", vms[0].run_us);

  if (vmctl_pin (vms[0].id, 0, 2) != VMCTL_OK)
    fail ("cannot pin vm 1's VCPU 0 again");
  smp_window (vms, 3, 100);
  smp_print_vcpu_cpus (&vms[0], 0,
                       "pinned to cpu 2 while running: vm 1 vcpu 0");
  smp_print_vcpu_cpus (&vms[0], 1, "still pinned to cpu 4: vm 1 vcpu 1");

  smp_pin_vm (&vms[0], -1);
  smp_window (vms, 3, 100);
  smp_print_cpus ();
  msg ("unpinned: vm 1 ran %"PRIu64" us of the window", vms[0].run_us);
  smp_kill_all (vms, 3);
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("smp-pin", smp_pin);

/* smp-wake: a VCPU that sleeps and wakes every 4 ticks beside three
   1-VCPU hogs on 4 CPUs: one CPU is idle when it wakes, and it runs
   there within one tick. */
static void
smp_wake (void)
{
  static struct smp_vm vms[SMP_VMS_MAX] = {
    { "credit-sleeper.bin", 1, 0, 0, 0, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, 0 } };
  size_t free_before = palloc_free_count ();
  struct vmctl_sched sched;

  smp_begin ();
  for (int i = 0; i < SMP_VMS_MAX; i++)
    smp_create (&vms[i]);
  smp_busy_start ();
  for (int i = 0; i < SMP_VMS_MAX; i++)
    vmctl_start (vms[i].id);
  timer_sleep (200);
  msg ("the 4 VMs ran on %d cpus", smp_busy_cpus ());
  hvtest_sched (vms[0].id, vms[0].file, &sched);
  msg ("sleeper: %"PRIu32" wake-ups, worst latency %"PRIu32" us",
       sched.vm.wakeups, sched.vm.worst_latency_us);
  smp_print_vcpu_cpus (&vms[0], 0, "sleeper");
  smp_kill_all (vms, SMP_VMS_MAX);
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("smp-wake", smp_wake);

/* smp-stress: the smp-ring guest passes a token round its 4 VCPUs
   with IPIs, 300 times round, while two 2-VCPU hogs keep all 4 CPUs
   busy: VCPUs halt, wake, are stolen and migrate all the time.  A lost
   wake-up stops the ring (the hv ends it: every VCPU halted); a VCPU
   run by two CPUs at once ends it too (the hv checks). */
static void
smp_stress (void)
{
  static struct smp_vm vms[3] = {
    { "smp-ring.bin", 4, 0, 0, 0, 0 },
    { "credit-hog.bin", 2, 0, 0, 0, 0 },
    { "credit-hog.bin", 2, 0, 0, 0, 0 } };
  static struct vmctl_report report;
  static struct vmctl_pcpu before[VMCTL_PCPUS_MAX], after[VMCTL_PCPUS_MAX];
  size_t free_before = palloc_free_count ();

  smp_begin ();
  for (int i = 0; i < 3; i++)
    smp_create (&vms[i]);
  vmctl_pcpus (before, VMCTL_PCPUS_MAX);
  for (int i = 0; i < 3; i++)
    vmctl_start (vms[i].id);
  if (vmctl_wait (vms[0].id, &report) != VMCTL_OK)
    fail ("waiting for smp-ring");
  int cpus = vmctl_pcpus (after, VMCTL_PCPUS_MAX);
  if (report.end == VMCTL_END_KILLED)
    msg ("ring: killed: %s", report.why);
  else
    msg ("ring: the token passed %d times", report.exit_code);
  msg ("ring: %"PRIu32" wake-ups", report.sched.vm.wakeups);
  uint64_t steals = 0, migrations = 0;
  for (int i = 0; i < cpus; i++)
    {
      steals += after[i].steals - before[i].steals;
      migrations += after[i].migrations - before[i].migrations;
    }
  msg ("meanwhile: %"PRIu64" steals, %"PRIu64" migrations", steals,
       migrations);
  smp_kill_all (vms + 1, 2);
  hvtest_check_pages (free_before);
  msg ("every page came back");
}
KTEST ("smp-stress", smp_stress);

/* smp-rmmod: VMs whose VCPUs run on every CPU end while they run:
   one is killed, then "rmmod hv" stops the others.  Every page the hv
   took since it was loaded comes back. */
static void
smp_rmmod (void)
{
  static struct smp_vm vms[3] = {
    { "credit-hog.bin", 4, 0, 0, 0, 0 },
    { "credit-hog.bin", 2, 0, 0, 0, 0 },
    { "smp-ring.bin", 4, 0, 0, 0, 0 } };
  static struct vmctl_pcpu pcpus[VMCTL_PCPUS_MAX];

  if (!module_unload ("hv"))
    fail ("rmmod hv failed");
  size_t free_before = palloc_free_count ();
  if (!modutil_load ("hv.ko"))
    fail ("insmod hv.ko failed");
  smp_begin ();
  for (int i = 0; i < 3; i++)
    smp_create (&vms[i]);
  for (int i = 0; i < 3; i++)
    vmctl_start (vms[i].id);
  timer_sleep (SMP_WARM_UP);
  int cpus = vmctl_pcpus (pcpus, VMCTL_PCPUS_MAX);
  int busy = 0;
  for (int i = 0; i < cpus; i++)
    busy += pcpus[i].busy_us > 0;
  msg ("%d of %d cpus have run VCPUs", busy, cpus);
  smp_kill_all (vms, 1);
  msg ("the 4-VCPU hog is gone, the others run on");
  if (!module_unload ("hv"))
    fail ("rmmod hv failed with VMs running");
  msg ("rmmod hv with VMs running: done");
  size_t free_after = palloc_free_count ();
  if (free_after != free_before)
    fail ("%zu pages free before insmod, %zu after rmmod", free_before,
          free_after);
  msg ("every page came back");
}
KTEST ("smp-rmmod", smp_rmmod);

/* The benchmark "make bench-smp" runs (not a test): the speed-up of
   the 4-VCPU smp-work job from 1 to 2 to 4 CPUs, and the cost of a
   wake-up across CPUs against one on the same CPU, from the smp-ring
   guest's token passes on 2 VCPUs.  It prints ratios from this one
   run. */

/* Runs a 2-VCPU smp-ring (both VCPUs pinned to cpu 4, or VCPU 1 to cpu
   3 if CROSS) and returns the TSC cycles per pass of the token. */
static uint64_t
smp_bench_ring (bool cross)
{
  struct smp_vm vm = { "smp-ring.bin", 2, 0, 0, 0, 0 };
  static struct vmctl_report report;

  smp_create (&vm);
  if (vmctl_pin (vm.id, 0, 4) != VMCTL_OK
      || vmctl_pin (vm.id, 1, cross ? 3 : 4) != VMCTL_OK)
    fail ("cannot pin smp-ring's VCPUs");
  uint64_t start = rdtsc ();
  vmctl_start (vm.id);
  if (vmctl_wait (vm.id, &report) != VMCTL_OK || report.end != VMCTL_END_EXIT)
    fail ("smp-ring did not end by itself");
  return (rdtsc () - start) / report.exit_code;
}

/* Returns the TSC cycles per timer tick, measured over 10 ticks. */
static uint64_t
smp_bench_cycles_per_tick (void)
{
  int64_t start = timer_ticks ();
  while (timer_ticks () == start)
    barrier ();
  uint64_t tsc = rdtsc ();
  timer_sleep (10);
  return (rdtsc () - tsc) / (timer_ticks () - start - 1);
}

static void
smp_bench (void)
{
  smp_begin ();
  int64_t t1 = smp_run_work (1, "on 1 cpu");
  int64_t t2 = smp_run_work (2, "on 2 cpus");
  int64_t t4 = smp_run_work (4, "on 4 cpus");
  msg ("speed-up of the 4-VCPU job: 1 to 2 cpus %"PRId64".%02"PRId64
       ", 1 to 4 cpus %"PRId64".%02"PRId64, t1 / t2, t1 * 100 / t2 % 100,
       t1 / t4, t1 * 100 / t4 % 100);

  uint64_t per_tick = smp_bench_cycles_per_tick ();
  uint64_t same = smp_bench_ring (false);
  uint64_t cross = smp_bench_ring (true);
  msg ("token pass (wake-up by IPI) on one cpu: %"PRIu64" cycles, %"PRIu64
       " us", same, same * 10000 / per_tick);
  msg ("token pass (wake-up by IPI) across cpus: %"PRIu64" cycles, %"PRIu64
       " us", cross, cross * 10000 / per_tick);
  msg ("a wake-up across cpus costs %"PRIu64".%02"PRIu64
       " times one on the same cpu", cross / same, cross * 100 / same % 100);
}
KTEST ("smp-bench", smp_bench);
