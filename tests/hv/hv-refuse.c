/* The hv refuses to load on a CPU that lacks what it needs: the
   launcher's --cpu nosvm gives a CPU without SVM, --cpu nonpt one
   with SVM but without nested paging (tests/hv/Make.tests).  The
   lab's kernel arguments try "insmod hv.ko" before this test runs;
   the .ck checks the refusal the hv printed, and this test checks
   that nothing of the hv stayed behind. */

#include "tests/ktest.h"
#include "threads/cpu.h"
#include "threads/module.h"
#include "threads/vmctl.h"

/* Checks the kernel runs on without the hv after a refused insmod. */
static void
hv_refuse_check (void)
{
  struct vmctl_spec spec = { .name = "none" };

  msg ("module hv loaded: %s", module_is_loaded ("hv") ? "yes" : "no");
  msg ("EFER.SVME %s", rdmsr (MSR_EFER) & EFER_SVME ? "set" : "clear");
  msg ("creating a VM: %s", vmctl_strerror (vmctl_create (&spec)));
}
/* On a CPU without SVM. */
static void
hv_nosvm_test (void)
{
  hv_refuse_check ();
}
KTEST ("hv-nosvm", hv_nosvm_test);

/* On a CPU with SVM but without nested paging. */
static void
hv_nonpt_test (void)
{
  hv_refuse_check ();
}
KTEST ("hv-nonpt", hv_nonpt_test);
