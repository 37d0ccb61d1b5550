/* The "vmrun" action's +budget option: the kernel's command line runs
   guest-spin, which never stops by itself, with a budget of a few
   ticks, next to guest-hello with a generous one (and an unknown
   option, refused), before this test.  The .ck checks the hv's
   messages; the test checks that the VMs were all destroyed. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

static void
vmrun_budget_test (void)
{
  for (int vm = 1; vm <= 2; vm++)
    msg ("VM %d after vmrun: %s", vm, vmctl_strerror (vmctl_kill (vm)));
}
KTEST ("vmrun-budget", vmrun_budget_test);
