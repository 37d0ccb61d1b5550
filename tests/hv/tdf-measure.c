/* Time dilation (docs/hv.md, section 12): a guest in a VM made with a
   time dilation factor TDF times an event the host paces (HOST_TICKS
   of the host's clock, through HC_HOST_TICKS) with its own clocks,
   and sees it TDF times faster by each.  Three VMs, one after the
   other, at TDF 1, 2 and 10. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

static void
tdf_measure_test (void)
{
  static const unsigned tdf[] = { 1, 2, 10 };
  static struct vmctl_report report;  /* Too big for the stack. */

  for (size_t i = 0; i < sizeof tdf / sizeof *tdf; i++)
    {
      struct hvtest_options options = { .tdf = tdf[i] };
      msg ("time dilation factor %u", tdf[i]);
      hvtest_run ("guest-tdf.bin", &options, &report);
    }
}
KTEST ("tdf-measure", tdf_measure_test);
