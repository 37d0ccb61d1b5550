/* Every page comes back: VMs that exit on their own and VMs killed
   while they run, a clone and a restored VM killed before they ever
   ran, a snapshot written and removed; afterwards the kernel has as
   many free pages as before. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Rounds of a VM that exits and one that is killed. */
#define ROUNDS 4

void
test_main (void)
{
  vt_insmod ();
  vt_wait_gone (vt_run (VT_HELLO));
  size_t before = freepages ();

  for (int i = 0; i < ROUNDS; i++)
    {
      int counter = vt_run (VT_TICKER);
      vt_wait_gone (vt_run (VT_HELLO));
      vt_progress (counter);
      vt_kill (counter);
    }
  msg ("%d VMs exited and %d were killed", ROUNDS, ROUNDS);

  int vm = vt_run (VT_TICKER);
  vt_progress (vm);
  vt_expect (vmctl (VMC_PAUSE, &vm), VMC_OK, "pause");
  struct vmc_snapshot snap = { vm, "snap" };
  vt_expect (vmctl (VMC_SNAPSHOT, &snap), VMC_OK, "snapshot");
  struct vmc_clone c = { vm, NULL };
  int copy = vmctl (VMC_CLONE, &c);
  vt_expect (vmctl (VMC_KILL, &copy), VMC_OK, "kill the clone, never run");
  vt_kill (vm);
  struct vmc_restore r;
  memset (&r, 0, sizeof r);
  r.file = "snap";
  int restored = vmctl (VMC_RESTORE, &r);
  vt_expect (vmctl (VMC_KILL, &restored), VMC_OK,
             "kill the restored VM, never run");
  CHECK (remove ("snap"), "snapshot removed");
  struct vmc_list list = { NULL, 0 };
  vt_expect (vmctl (VMC_LIST, &list), 0, "VMs left");
  CHECK (vt_free_pages (before) == before, "as many free pages as before");
}
