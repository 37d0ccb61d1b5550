/* An exit the hv has no handler for (the test makes it intercept
   RDPMC): the hv dumps the VMCB and kills that VM only; the next VM
   runs normally. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

static void
exit_unknown_test (void)
{
  struct hvtest_options unhandled = { .flaw = VMCTL_FLAW_UNHANDLED_EXIT };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run ("guest-rdpmc.bin", &unhandled, &report);
  hvtest_run ("guest-hello.bin", NULL, &report);
}
KTEST ("exit-unknown", exit_unknown_test);
