/* Exit statistics: the per-reason counts the hv keeps match what the
   guest (guest-stats) did: 7 CPUIDs, 3 RDMSRs of EFER, 2 WRMSRs of an
   MSR the guest owns (no exit), 5 null hypercalls and the exit
   hypercall, 4 OUTs to a port with no device. */

#include <inttypes.h>
#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

static void
exit_stats_test (void)
{
  static const char *const reasons[] = { "cpuid", "msr", "vmmcall", "ioio",
                                         "hlt", "shutdown" };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run ("guest-stats.bin", NULL, &report);
  for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
    msg ("%s exits: %"PRIu64, reasons[i],
         vmctl_report_count (&report, reasons[i]));
}
KTEST ("exit-stats", exit_stats_test);
