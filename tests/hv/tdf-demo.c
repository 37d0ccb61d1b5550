/* The time-dilation demo (make demo-tdf; a lecture demo, not one of
   the lab's tests): the same guest reads the same emulated IDE disk
   in a VM at time dilation factor 1 and in one at 10
   (docs/hv.md, section 12).  Each says how long the read took and how
   fast the disk was, by the host's clock and by its own: the dilated
   guest sees a disk ten times faster than the one it has. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

#define DEMO_GUEST "guest-tdf-disk.bin"
#define DEMO_DISK "tdf-demo.dsk"
#define DEMO_KIB 256                    /* What the guest reads. */

static void
tdf_demo (void)
{
  static const unsigned tdf[] = { 1, 10 };
  static struct vmctl_report report;  /* Too big for the stack. */

  msg ("%u KiB read from an emulated IDE disk, timed by each clock",
       DEMO_KIB);
  for (size_t i = 0; i < sizeof tdf / sizeof *tdf; i++)
    {
      struct hvtest_options options = { .tdf = tdf[i],
                                        .disk = { DEMO_DISK } };
      msg ("time dilation factor %u:", tdf[i]);
      hvtest_run (DEMO_GUEST, &options, &report);
    }
}
KTEST ("tdf-demo", tdf_demo);
