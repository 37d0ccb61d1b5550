/* VMRUN consistency checks: a VMCB with guest ASID 0, without the
   VMRUN intercept, or with guest EFER.SVME clear makes VMRUN fail
   with VMEXIT_INVALID.  The hv reports which check failed and kills
   that VM; the host is fine, and the next VM runs normally. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

/* Runs guest-hello with FLAW, then without. */
static void
vmrun_flaw (enum vmctl_flaw flaw)
{
  struct hvtest_options options = { .flaw = flaw };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run ("guest-hello.bin", &options, &report);
  hvtest_run ("guest-hello.bin", NULL, &report);
}

static void
vmrun_asid0_test (void)
{
  vmrun_flaw (VMCTL_FLAW_ASID_ZERO);
}
KTEST ("vmrun-asid0", vmrun_asid0_test);

static void
vmrun_no_intercept_test (void)
{
  vmrun_flaw (VMCTL_FLAW_NO_VMRUN_INTERCEPT);
}
KTEST ("vmrun-no-intercept", vmrun_no_intercept_test);

static void
vmrun_no_svme_test (void)
{
  vmrun_flaw (VMCTL_FLAW_NO_SVME);
}
KTEST ("vmrun-no-svme", vmrun_no_svme_test);
