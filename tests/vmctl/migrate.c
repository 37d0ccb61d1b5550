/* Live migration of a running VM: MIGRATE returns the VM that runs on
   in its place, the old one goes, and the guest's ticks go on without
   a gap or a repeat, its pages intact (the guest checks them).  The
   figures add up; a paused VM cannot be migrated; every page comes
   back at the end. */

#include <stdio.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

void
test_main (void)
{
  struct vmc_migrate m;
  struct vmc_info info;

  vt_insmod ();
  size_t before = freepages ();
  /* Nested paging, whatever the kernel's default: under shadow paging
     the hv cannot log the guest's writes, and refuses to migrate. */
  struct vmc_run run = { VT_TICKER, 0, 0, 0, 0, VMC_PAGING_NPT, 0 };
  int vm = vt_run_with (&run);
  vt_progress (vm);

  vt_expect (vmctl (VMC_PAUSE, &vm), VMC_OK, "pause");
  memset (&m, 0, sizeof m);
  m.id = vm;
  int status = vmctl (VMC_MIGRATE, &m);
  CHECK (status < 0 && m.why[0] != '\0', "migrating a paused VM refused "
         "with a reason");
  printf ("migrate of a paused VM: %s: %s\n", vt_status_name (status), m.why);
  vt_expect (vmctl (VMC_RESUME, &vm), VMC_OK, "resume");
  vt_progress (vm);

  int moved = vt_migrate (vm, &m);
  vt_wait_gone (vm);
  CHECK (moved != vm && vt_find (moved, &info) && info.state == VMC_RUNNING,
         "the old VM is gone, the new one runs");
  vt_check_migration (&m);
  vt_progress (moved);
  vt_kill (moved);
  msg ("killed");
  CHECK (vt_free_pages (before) == before, "every page back");
}
