/* Snapshots: a running VM cannot be saved; a paused one is saved to a
   file of the file system, killed, restored (made, not started: it
   lists as created) and resumed, and its counter goes on from the
   step after the last one it printed, its pages intact (the guest
   checks them).  An existing file is not overwritten.  Every page
   comes back at the end. */

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
  struct vmc_snapshot snap = { vm, "snap" };
  vt_expect (vmctl (VMC_SNAPSHOT, &snap), VMC_ENOTPAUSED,
             "snapshot while running");
  CHECK (open ("snap") < 0, "no file left behind");
  vt_expect (vmctl (VMC_PAUSE, &vm), VMC_OK, "pause");
  vt_expect (vmctl (VMC_SNAPSHOT, &snap), VMC_OK, "snapshot");
  int fd = open ("snap");
  CHECK (fd >= 0 && filesize (fd) > 0, "the snapshot is a file");
  close (fd);
  vt_expect (vmctl (VMC_SNAPSHOT, &snap), VMC_EFILE, "snapshot to it again");
  vt_kill (vm);
  msg ("killed");

  struct vmc_restore restore;
  memset (&restore, 0, sizeof restore);
  restore.file = "snap";
  restore.name = "restored";
  int copy = vmctl (VMC_RESTORE, &restore);
  CHECK (copy >= 0 && vt_find (copy, &info) && info.state == VMC_CREATED
         && !strcmp (info.name, "restored"), "restored as 'restored', not started");
  vt_expect (vmctl (VMC_RESUME, &copy), VMC_OK, "resume");
  vt_progress (copy);
  vt_kill (copy);
  CHECK (remove ("snap"), "snapshot removed");
  CHECK (vt_free_pages (before) == before, "every page back");
}
