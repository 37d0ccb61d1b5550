/* Clones: a running VM cannot be cloned; a paused one is, into a VM
   made but not started and named after it; resumed, both go on from
   the same step, each printing every later step. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

void
test_main (void)
{
  struct vmc_info info;

  vt_insmod ();
  size_t before = freepages ();
  int vm = vt_run (VT_TICKER);
  vt_progress (vm);
  struct vmc_clone c = { vm, NULL };
  vt_expect (vmctl (VMC_CLONE, &c), VMC_ENOTPAUSED, "clone while running");
  vt_expect (vmctl (VMC_PAUSE, &vm), VMC_OK, "pause");
  int copy = vmctl (VMC_CLONE, &c);
  CHECK (copy >= 0 && copy != vm && vt_find (copy, &info)
         && info.state == VMC_CREATED, "cloned, not started");
  msg ("the clone is called %s", info.name);
  vt_expect (vmctl (VMC_RESUME, &vm), VMC_OK, "resume the source");
  vt_expect (vmctl (VMC_RESUME, &copy), VMC_OK, "resume the clone");
  vt_progress (vm);
  vt_progress (copy);
  vt_kill (copy);
  vt_kill (vm);
  msg ("both killed");
  CHECK (vt_free_pages (before) == before, "every page back");
}
