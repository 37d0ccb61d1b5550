/* Runs a process that needs more memory than the user pool and swap
   hold together: 4 MiB, with about 1.5 MiB of user pool and 1 MiB of
   swap.  When one of its pages finds neither a frame nor a swap slot
   it must be killed (exit status -1); the kernel must then get back
   every page and slot it held, and a process of reasonable size must
   run to the end. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/vmstat.h"

void
test_main (void)
{
  struct vm_snapshot before;

  vm_snapshot_take (&before);
  int status = wait (exec ("child-linear 0 4096"));
  CHECK (status == -1, "child-linear using 4 MiB exited with status %d",
         status);
  vm_snapshot_compare (&before);
  status = wait (exec ("child-linear 1 512"));
  CHECK (status == 1, "child-linear using 512 KiB exited with status %d",
         status);
}
