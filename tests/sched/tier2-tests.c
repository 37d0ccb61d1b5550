/* The kernel side of the tier-2 guest tests (guest kernel threads on
   several VCPUs): each runs its guest, tests/sched/NAME.c, in a VM
   with the VCPUs it needs; the guest checks and prints the figures its
   .ck judges.  spin-lhp also keeps the host busy with CPU-hog VMs. */

#include <stdio.h>
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

/* CPU budget of a tier-2 guest, in ticks over all its VCPUs: a few
   times what the longest needs. */
#define TIER2_BUDGET 3000

/* CPU hogs beside spin-lhp, and the budget that bounds each. */
#define TIER2_HOGS 2
#define TIER2_HOG_BUDGET 3000

/* The physical CPU to pin every VCPU of a test's VMs to (spin-lhp,
   ksync-wake: tier2_pin_to_last_cpu), or -1. */
static int tier2_pin_cpu = -1;

/* Runs guest NAME.bin in a VM with VCPUS VCPUs until it ends. */
static void
tier2_run (const char *name, unsigned vcpus)
{
  char file[64];
  static struct vmctl_report report;  /* Too big for the stack. */
  struct hvtest_options options = { .budget = TIER2_BUDGET, .vcpus = vcpus,
                                    .pinned = tier2_pin_cpu >= 0,
                                    .pin_cpu = tier2_pin_cpu };

  snprintf (file, sizeof file, "%s.bin", name);
  int vm = hvtest_create (file, &options);
  if (vmctl_start (vm) != VMCTL_OK)
    fail ("cannot start the VM of %s", file);
  hvtest_finish (vm, file, &report);
}

/* On a machine with several CPUs that run VCPUs, makes the VMs of
   this test run on the last of them only. */
static void
tier2_pin_to_last_cpu (void)
{
  static struct vmctl_pcpu pcpus[VMCTL_PCPUS_MAX];
  int pcpu_cnt = vmctl_pcpus (pcpus, VMCTL_PCPUS_MAX);
  if (pcpu_cnt > 1)
    tier2_pin_cpu = pcpus[pcpu_cnt - 1].cpu;
}

/* Runs guest NAME.bin as tier2_run does, and checks that the VM's end
   returned every page. */
static void
tier2_run_alone (const char *name, unsigned vcpus)
{
  size_t free_before = palloc_free_count ();
  tier2_run (name, vcpus);
  hvtest_check_pages (free_before);
}

/* Registers tier-2 guest test NAME, run on VCPUS VCPUs, as ID. */
#define TIER2_TEST(ID, NAME, VCPUS)                                     \
  static void ID (void) { tier2_run_alone (NAME, VCPUS); }              \
  KTEST (NAME, ID)

TIER2_TEST (kthread_fair_2, "kthread-fair-2", 2);
TIER2_TEST (kthread_fair_4, "kthread-fair-4", 4);
TIER2_TEST (kthread_steal, "kthread-steal", 2);

/* ksync-wake counts wake-ups that reach a thread whose VCPU is
   halted: its waker keeps its own VCPU busy meanwhile.  On several
   CPUs the woken VCPU's CPU would be idle, and its idle VCPU could
   take the thread before the wake-up arrives, so both VCPUs share one
   CPU, as the test assumes. */
static void
ksync_wake (void)
{
  tier2_pin_to_last_cpu ();
  tier2_run_alone ("ksync-wake", 2);
}
KTEST ("ksync-wake", ksync_wake);

/* Creates and starts a quiet one-VCPU VM running guest-spin.bin, a
   guest that spins for ever; its budget ends it if nothing else
   does.  Returns its number. */
static int
tier2_start_hog (void)
{
  struct vmctl_spec spec;
  void *image;

  if (vmctl_load ("guest-spin.bin", &spec, &image) != VMCTL_OK)
    fail ("cannot read guest-spin.bin");
  spec.budget = TIER2_HOG_BUDGET;
  spec.quiet = true;
  int vm = vmctl_create (&spec);
  free (image);
  if (vm < 0)
    fail ("cannot create a CPU hog: %s", vmctl_strerror (vm));
  if (tier2_pin_cpu >= 0 && vmctl_pin (vm, 0, tier2_pin_cpu) != VMCTL_OK)
    fail ("cannot pin a CPU hog");
  if (vmctl_start (vm) != VMCTL_OK)
    fail ("cannot start a CPU hog");
  return vm;
}

/* spin-lhp: the spinlock guest on two VCPUs beside TIER2_HOGS CPU
   hogs, which are killed once it is done.  On several CPUs they all
   share the last one: the test is about a lock holder preempted by
   the VCPUs it competes with. */
static void
spin_lhp (void)
{
  size_t free_before = palloc_free_count ();
  int hogs[TIER2_HOGS];

  tier2_pin_to_last_cpu ();

  for (int i = 0; i < TIER2_HOGS; i++)
    hogs[i] = tier2_start_hog ();
  tier2_run ("spin-lhp", 2);
  for (int i = 0; i < TIER2_HOGS; i++)
    {
      static struct vmctl_report report;  /* Too big for the stack. */
      vmctl_kill (hogs[i]);
      if (vmctl_wait (hogs[i], &report) != VMCTL_OK)
        fail ("waiting for CPU hog %d", i);
    }
  hvtest_check_pages (free_before);
}
KTEST ("spin-lhp", spin_lhp);
