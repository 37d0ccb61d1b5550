/* VM create, run and destroy return every page: the VMCB, the
   permission maps, the nested page table and the RAM behind it, the
   VCPU's thread and the hv's bookkeeping, round after round. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

#define ROUNDS 3

static void
vm_leak_test (void)
{
  for (int round = 1; round <= ROUNDS; round++)
    {
      static struct vmctl_report report;  /* Too big for the stack. */
      hvtest_run ("guest-hello.bin", NULL, &report);
      if (report.guest_pages == 0)
        fail ("round %d: the VM had no RAM pages", round);
      msg ("round %d: every page returned", round);
    }
}
KTEST ("vm-leak", vm_leak_test);
