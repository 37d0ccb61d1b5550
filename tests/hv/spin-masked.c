/* A guest that masks interrupts and spins (guest-spin-masked) is
   still bounded: the hv regains the CPU and ends the VM when its CPU
   budget is used up, and the host carries on with the next VM.  On
   Bochs 2.7 such a guest gets no INTR exits at all (docs/design.md,
   "Simulator facts"); the NMI watchdog, armed while a guest runs with
   interrupts masked, is what makes it exit there.  The hv arms it on
   QEMU too. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

#define BUDGET 20

static void
spin_masked_test (void)
{
  struct hvtest_options bounded = { .budget = BUDGET };
  static struct vmctl_report report;  /* Too big for the stack. */

  hvtest_run ("guest-spin-masked.bin", &bounded, &report);
  msg ("NMI exits: %s", vmctl_report_count (&report, "nmi") > 0
                        ? "the watchdog made the guest exit" : "none");
  hvtest_run ("guest-hello.bin", NULL, &report);
}
KTEST ("spin-masked", spin_masked_test);
