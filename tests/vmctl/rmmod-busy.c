/* The hypervisor cannot be unloaded while a VM a user program started
   exists (a reaper thread waits inside it): rmmod hv is refused with
   a message, and works once the VM is killed. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

void
test_main (void)
{
  vt_insmod ();
  int vm = vt_run (VT_SPIN);
  CHECK (!rmmod ("hv"), "rmmod hv while guest-spin runs refused");
  vt_kill (vm);
  CHECK (rmmod ("hv"), "rmmod hv once it is killed");
}
