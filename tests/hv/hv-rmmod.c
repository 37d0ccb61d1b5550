/* "rmmod hv" turns SVM off again: EFER.SVME is set while the hv is
   loaded and clear after, and the VM operations are gone with it.
   The lab's kernel arguments load the hv before this test runs. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "threads/cpu.h"
#include "threads/module.h"

/* Prints whether EFER.SVME is set, WHEN. */
static void
report_svme (const char *when)
{
  msg ("EFER.SVME %s %s", rdmsr (MSR_EFER) & EFER_SVME ? "set" : "clear",
       when);
}

static void
hv_rmmod_test (void)
{
  static struct vmctl_report report;  /* Too big for the stack. */
  struct vmctl_spec spec = { .name = "none" };

  report_svme ("with the hv loaded");
  hvtest_run ("guest-hello.bin", NULL, &report);
  if (!module_unload ("hv"))
    fail ("rmmod hv failed");
  report_svme ("after rmmod");
  msg ("creating a VM now: %s", vmctl_strerror (vmctl_create (&spec)));
}
KTEST ("hv-rmmod", hv_rmmod_test);
