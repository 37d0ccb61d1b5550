/* Tier-3 tests: the hv's credit scheduler, measured from the host.
   Each test starts VMs of the helper guests (credit-*.c) with chosen
   VCPU counts, weights and caps, lets them run, reads their CPU time
   through vmctl_sched over a measured window, prints the shares, then
   kills the VMs and checks that every page came back.  The .ck files
   hold the tolerances; the tests print figures, never verdicts.

   The test thread runs at a priority above the hv's loop thread, so
   it reads the statistics the moment its sleep ends. */

#include <inttypes.h>
#include <stdio.h>
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "devices/timer.h"
#include "threads/palloc.h"
#include "threads/thread.h"

/* Most VMs a test runs. */
#define CREDIT_VMS_MAX 4

/* Ticks the VMs run before a window opens, so every VM is under way
   and has been through a few accounting periods. */
#define WARM_UP_TICKS 15

/* A VM of a test: what to run and how, and its figures. */
struct credit_vm
  {
    const char *file;           /* Guest image. */
    unsigned vcpus, weight, cap; /* 0 = the default. */
    int id;                     /* Its vmctl number. */
    struct vmctl_sched at;      /* Statistics at the window's start. */
    uint64_t run_us;            /* CPU time in the window. */
  };

/* A test's VMs and the window's length.  Tests keep theirs static:
   with every VM's statistics it is too big for a kernel thread's
   stack. */
struct credit_run
  {
    struct credit_vm vms[CREDIT_VMS_MAX];
    int vm_cnt;
    size_t free_before;         /* Free pages before any VM existed. */
    uint64_t window_us;         /* Length of the last window. */
    uint64_t window_start_us;   /* The hv's clock when it opened. */
    uint64_t host_start_us;     /* Host time taken by then. */
    uint64_t host_us;           /* Host time taken in the last window. */
  };

/* Reads VM's scheduling statistics into *SCHED (hvtest_sched). */
static void
credit_read (const struct credit_vm *vm, struct vmctl_sched *sched)
{
  hvtest_sched (vm->id, vm->file, sched);
}

/* The physical CPU every VCPU is pinned to, or -1 (credit_start). */
static int credit_pin_cpu = -1;

/* Creates and starts RUN's VMs, in order, and lets them warm up.
   The figures these tests check are one CPU's shares, so on a machine
   with several CPUs that run VCPUs the VMs' VCPUs all run on the last
   one (the smp-* tests check how the scheduler shares several). */
static void
credit_start (struct credit_run *run)
{
  static struct vmctl_pcpu pcpus[VMCTL_PCPUS_MAX];
  int pcpu_cnt = vmctl_pcpus (pcpus, VMCTL_PCPUS_MAX);

  thread_set_priority (PRI_DEFAULT + 1);
  credit_pin_cpu = pcpu_cnt > 1 ? (int) pcpus[pcpu_cnt - 1].cpu : -1;
  if (pcpu_cnt > 1)
    msg ("%d physical CPUs run VCPUs: every VCPU pinned to cpu %d",
         pcpu_cnt, credit_pin_cpu);
  run->free_before = palloc_free_count ();
  for (int i = 0; i < run->vm_cnt; i++)
    {
      struct credit_vm *vm = &run->vms[i];
      struct hvtest_options options = { .vcpus = vm->vcpus,
                                        .weight = vm->weight,
                                        .cap = vm->cap,
                                        .budget = 100000,
                                        .pinned = credit_pin_cpu >= 0,
                                        .pin_cpu = credit_pin_cpu };
      vm->id = hvtest_create (vm->file, &options);
    }
  for (int i = 0; i < run->vm_cnt; i++)
    vmctl_start (run->vms[i].id);
  timer_sleep (WARM_UP_TICKS);
}

/* Opens a window: notes every VM's statistics now. */
static void
credit_window_open (struct credit_run *run)
{
  for (int i = 0; i < run->vm_cnt; i++)
    credit_read (&run->vms[i], &run->vms[i].at);
  run->window_start_us = run->vms[0].at.now_us;
  run->host_start_us = run->vms[0].at.host_us;
}

/* Closes the window opened last: each VM's RUN_US becomes its CPU
   time since, and RUN's WINDOW_US the window's length. */
static void
credit_window_close (struct credit_run *run)
{
  struct vmctl_sched now;
  for (int i = 0; i < run->vm_cnt; i++)
    {
      credit_read (&run->vms[i], &now);
      run->vms[i].run_us = now.vm.run_us - run->vms[i].at.vm.run_us;
      run->window_us = now.now_us - run->window_start_us;
      run->host_us = now.host_us - run->host_start_us;
    }
}

/* Runs one window of TICKS ticks. */
static void
credit_window (struct credit_run *run, int64_t ticks)
{
  credit_window_open (run);
  timer_sleep (ticks);
  credit_window_close (run);
}

/* Returns PART as a share of WHOLE in tenths of a percent. */
static unsigned
credit_permille (uint64_t part, uint64_t whole)
{
  return whole != 0 ? (unsigned) (part * 1000 / whole) : 0;
}

/* Prints each VM's share of the CPU the window's VMs used together,
   under LABEL. */
static void
credit_print_shares (struct credit_run *run, const char *label)
{
  uint64_t total = 0;
  for (int i = 0; i < run->vm_cnt; i++)
    total += run->vms[i].run_us;
  for (int i = 0; i < run->vm_cnt; i++)
    {
      unsigned s = credit_permille (run->vms[i].run_us, total);
      msg ("%s: vm %d share %u.%u%%", label, i + 1, s / 10, s % 10);
    }
}

/* Prints VM number I's share of the window's wall-clock time, under
   LABEL. */
static void
credit_print_wall_share (struct credit_run *run, int i, const char *label)
{
  unsigned s = credit_permille (run->vms[i].run_us, run->window_us);
  msg ("%s: vm %d %u.%u%% of the CPU (%"PRIu64" of %"PRIu64" us)", label,
       i + 1, s / 10, s % 10, run->vms[i].run_us, run->window_us);
}

/* Kills RUN's VMs, waits for them and checks that every page came
   back. */
static void
credit_finish (struct credit_run *run)
{
  for (int i = 0; i < run->vm_cnt; i++)
    vmctl_kill (run->vms[i].id);
  for (int i = 0; i < run->vm_cnt; i++)
    {
      static struct vmctl_report report;  /* Too big for the stack. */
      if (vmctl_wait (run->vms[i].id, &report) != VMCTL_OK)
        fail ("waiting for %s", run->vms[i].file);
    }
  hvtest_check_pages (run->free_before);
  msg ("every page came back");
}

/* Busy VMs with weights 1:2:4 share the CPU 1/7, 2/7, 4/7. */
static void
credit_weights (void)
{
  static struct credit_run run = { .vm_cnt = 3, .vms = {
    { "credit-hog.bin", 1, 128, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 256, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 512, 0, 0, {0}, 0 } } };
  credit_start (&run);
  credit_window (&run, 120);
  credit_print_shares (&run, "weights 128:256:512");
  credit_finish (&run);
}
KTEST ("credit-weights", credit_weights);

/* A VM's share is split among its VCPUs: a 2-VCPU VM and a 1-VCPU VM
   of equal weight get half the CPU each. */
static void
credit_vcpus (void)
{
  static struct credit_run run = { .vm_cnt = 2, .vms = {
    { "credit-hog.bin", 2, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 } } };
  credit_start (&run);
  credit_window (&run, 120);
  credit_print_shares (&run, "2 VCPUs against 1");
  struct vmctl_sched s;
  credit_read (&run.vms[0], &s);
  unsigned v0 = credit_permille (s.vcpu[0].run_us, s.vm.run_us);
  msg ("vm 1: vcpu 0 has %u.%u%% of the VM's time", v0 / 10, v0 % 10);
  credit_finish (&run);
}
KTEST ("credit-vcpus", credit_vcpus);

/* An uncapped VM alone gets all of the CPU the host gives the hv. */
static void
credit_alone (void)
{
  static struct credit_run run = { .vm_cnt = 1, .vms = {
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 } } };
  credit_start (&run);
  credit_window (&run, 100);
  credit_print_wall_share (&run, 0, "alone");
  unsigned h = credit_permille (run.host_us, run.window_us);
  msg ("alone: the host kept %u.%u%% for its interrupts and threads", h / 10,
       h % 10);
  credit_finish (&run);
}
KTEST ("credit-alone", credit_alone);

/* A VM capped at 25% gets no more, alone (the CPU then idles) or
   beside two hogs; and although its weight would give it more, what it
   cannot use goes to the hogs by their weights, 1:2. */
static void
credit_cap (void)
{
  static struct credit_run run = { .vm_cnt = 3, .vms = {
    { "credit-hog.bin", 1, 1024, 25, 0, {0}, 0 },
    { "credit-hog.bin", 1, 256, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 512, 0, 0, {0}, 0 } } };
  /* Alone first: the hogs are not started yet. */
  run.vm_cnt = 1;
  credit_start (&run);
  credit_window (&run, 120);
  credit_print_wall_share (&run, 0, "capped alone");
  run.vm_cnt = 3;
  for (int i = 1; i < 3; i++)
    {
      struct hvtest_options options = { .weight = run.vms[i].weight,
                                        .budget = 100000,
                                        .pinned = credit_pin_cpu >= 0,
                                        .pin_cpu = credit_pin_cpu };
      run.vms[i].id = hvtest_create (run.vms[i].file, &options);
      vmctl_start (run.vms[i].id);
    }
  timer_sleep (WARM_UP_TICKS);
  credit_window (&run, 120);
  for (int i = 0; i < 3; i++)
    credit_print_wall_share (&run, i, "capped beside two hogs");
  credit_finish (&run);
}
KTEST ("credit-cap", credit_cap);

/* A VCPU that wakes among three hogs runs within a tick: it is
   boosted. */
static void
credit_boost (void)
{
  static struct credit_run run = { .vm_cnt = 4, .vms = {
    { "credit-sleeper.bin", 1, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 } } };
  credit_start (&run);
  credit_window (&run, 100);
  struct vmctl_sched s;
  credit_read (&run.vms[0], &s);
  msg ("sleeper: %"PRIu32" wake-ups in the run so far, worst latency "
       "%"PRIu32" us (a tick is %d us)", s.vm.wakeups,
       s.vm.worst_latency_us, 1000000 / TIMER_FREQ);
  credit_print_wall_share (&run, 0, "sleeper");
  credit_finish (&run);
}
KTEST ("credit-boost", credit_boost);

/* A VCPU that yields just before every tick is still charged for
   every cycle it ran: it gets no more than its weight's share. */
static void
credit_yield (void)
{
  static struct credit_run run = { .vm_cnt = 3, .vms = {
    { "credit-yielder.bin", 1, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 } } };
  credit_start (&run);
  credit_window (&run, 120);
  credit_print_shares (&run, "yielder and two hogs");
  credit_finish (&run);
}
KTEST ("credit-yield", credit_yield);

/* VCPUs that halt consume nothing: a VM of four halted VCPUs beside a
   hog. */
static void
credit_idle (void)
{
  static struct credit_run run = { .vm_cnt = 2, .vms = {
    { "credit-idle.bin", 4, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 } } };
  credit_start (&run);
  credit_window (&run, 100);
  credit_print_wall_share (&run, 0, "idle VM");
  credit_print_wall_share (&run, 1, "hog");
  credit_finish (&run);
}
KTEST ("credit-idle", credit_idle);

/* A weight changed while the VMs run takes effect within one
   accounting period. */
static void
credit_reweight (void)
{
  static struct credit_run run = { .vm_cnt = 2, .vms = {
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 },
    { "credit-hog.bin", 1, 0, 0, 0, {0}, 0 } } };
  credit_start (&run);
  credit_window (&run, 60);
  credit_print_shares (&run, "before");
  if (vmctl_set_sched (run.vms[1].id, 768, -1) != VMCTL_OK)
    fail ("cannot change the weight");
  /* One period for the new weight to take effect, then measure. */
  timer_sleep (3);
  credit_window (&run, 90);
  credit_print_shares (&run, "after weight 256:768");
  credit_finish (&run);
}
KTEST ("credit-reweight", credit_reweight);
