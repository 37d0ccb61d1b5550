/* What the hv's kernel tests share (see hvtest.h). */

#include "tests/hv/hvtest.h"
#include <stdio.h>
#include <string.h>
#include "tests/ktest.h"
#include "threads/malloc.h"
#include "threads/palloc.h"

/* Creates a VM for guest image FILE (on the scratch disk) with
   OPTIONS (may be null) and returns its number; fails the test if
   that does not work. */
int
hvtest_create (const char *file, const struct hvtest_options *options)
{
  struct vmctl_spec spec;
  void *image;

  if (vmctl_load (file, &spec, &image) != VMCTL_OK)
    fail ("cannot read guest image %s", file);
  spec.budget = options != NULL && options->budget != 0 ? options->budget
                                                        : HVTEST_BUDGET;
  spec.flaw = options != NULL ? options->flaw : VMCTL_FLAW_NONE;
  spec.trace = options != NULL && options->trace;
  if (options != NULL)
    {
      spec.vcpus = options->vcpus;
      spec.weight = options->weight;
      spec.cap = options->cap;
      memcpy (spec.disk, options->disk, sizeof spec.disk);
      spec.ram_size = options->ram_mb << 20;
      spec.restarts = options->restarts;
      spec.paging = options->paging;
      spec.tdf = options->tdf;
    }
  char *cmdline = NULL;
  if (options != NULL && options->cmdline != NULL)
    {
      if (vmctl_load_cmdline (options->cmdline, &cmdline) != VMCTL_OK)
        fail ("cannot read command line %s", options->cmdline);
      spec.cmdline = cmdline;
    }
  int vm = vmctl_create (&spec);
  free (image);
  free (cmdline);
  if (vm < 0)
    fail ("cannot create a VM for %s: %s", file, vmctl_strerror (vm));
  if (options != NULL && options->pinned)
    for (unsigned i = 0; i < (spec.vcpus != 0 ? spec.vcpus : 1); i++)
      {
        int status = vmctl_pin (vm, i, options->pin_cpu);
        if (status != VMCTL_OK)
          fail ("cannot pin VCPU %u of %s to cpu %u: %s", i, file,
                options->pin_cpu, vmctl_strerror (status));
      }
  return vm;
}

/* Waits for VM (running guest FILE) to end, stores its report in
   REPORT and says so if the hv killed it. */
void
hvtest_finish (int vm, const char *file, struct vmctl_report *report)
{
  int status = vmctl_wait (vm, report);
  if (status != VMCTL_OK)
    fail ("waiting for the VM of %s: %s", file, vmctl_strerror (status));
  if (report->end == VMCTL_END_KILLED)
    msg ("vm killed: %s", report->why);
}

/* Runs guest image FILE in a VM with OPTIONS (may be null) until it
   ends, storing its report in REPORT, and checks that the VM's
   destruction returned every page it took. */
void
hvtest_run (const char *file, const struct hvtest_options *options,
            struct vmctl_report *report)
{
  size_t free_before = palloc_free_count ();
  int vm = hvtest_create (file, options);
  int status = vmctl_start (vm);
  if (status != VMCTL_OK)
    fail ("cannot start the VM of %s: %s", file, vmctl_strerror (status));
  hvtest_finish (vm, file, report);
  hvtest_check_pages (free_before);
}

/* Fails the test unless the page allocator has FREE_BEFORE free pages
   again, as before the test created its VMs. */
void
hvtest_check_pages (size_t free_before)
{
  size_t free_after = palloc_free_count ();
  if (free_after != free_before)
    fail ("destroying VMs did not return every page: %zu free before, "
          "%zu after", free_before, free_after);
}

/* The kernel side of a guest test called TEST: runs guest image
   TEST.bin with the defaults.  What the test checks, the guest prints
   ("(TEST) ..." lines, its exit code, the reason it was killed). */
void
hvtest_guest (const char *test)
{
  char file[64];
  static struct vmctl_report report;  /* Too big for the stack. */

  snprintf (file, sizeof file, "%s.bin", test);
  hvtest_run (file, NULL, &report);
}

/* Runs COUNT (at most HVTEST_TOGETHER_MAX) VMs of guest image FILE at
   once and waits for them all; fails the test unless each exited with
   code 0 and destroying them returned every page. */
void
hvtest_run_together (const char *file, int count)
{
  size_t free_before = palloc_free_count ();
  int vms[HVTEST_TOGETHER_MAX];

  ASSERT (count <= HVTEST_TOGETHER_MAX);
  for (int i = 0; i < count; i++)
    vms[i] = hvtest_create (file, NULL);
  for (int i = 0; i < count; i++)
    vmctl_start (vms[i]);
  for (int i = 0; i < count; i++)
    {
      static struct vmctl_report report;  /* Too big for the stack. */
      hvtest_finish (vms[i], file, &report);
      if (report.end != VMCTL_END_EXIT || report.exit_code != 0)
        fail ("VM %d failed its check", i);
    }
  hvtest_check_pages (free_before);
}

/* Reads the scheduling statistics of VM (running guest FILE) into
   *SCHED; fails the test if it cannot. */
void
hvtest_sched (int vm, const char *file, struct vmctl_sched *sched)
{
  int status = vmctl_sched (vm, sched);
  if (status != VMCTL_OK)
    fail ("reading the statistics of VM %d (%s): %s", vm, file,
          vmctl_strerror (status));
}
