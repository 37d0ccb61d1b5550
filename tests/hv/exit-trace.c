/* Exit traces, the hv's debugging aid: a traced VM has every exit
   printed (reason, EIP, EXITINFO1 and 2) as it happens.  The guest is
   guest-stats, whose exits are known (see exit-stats); the checker
   counts the trace lines. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

static void
exit_trace_test (void)
{
  struct hvtest_options traced = { .trace = true };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run ("guest-stats.bin", &traced, &report);
}
KTEST ("exit-trace", exit_trace_test);
