/* Loads and unloads the hypervisor module from the file system
   through system calls 32 and 33: with no module loaded vmctl says
   so; insmod loads hv.ko once and refuses it while it is loaded, and
   refuses a file that is missing or is no module; rmmod unloads it
   once; and it loads again afterwards. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Returns what LIST says with no buffer. */
static int
list_status (void)
{
  struct vmc_list list = { NULL, 0 };
  return vmctl (VMC_LIST, &list);
}

void
test_main (void)
{
  vt_expect (list_status (), VMC_ENOHV, "list before insmod");
  CHECK (!insmod ("no-such.ko"), "insmod of a missing file refused");
  CHECK (!insmod (VT_TICKER), "insmod of a guest image refused");
  CHECK (insmod (VT_HV), "insmod hv.ko");
  vt_expect (list_status (), 0, "list with hv loaded and no VM");
  CHECK (!insmod (VT_HV), "insmod hv.ko again refused");
  CHECK (!rmmod ("no-such"), "rmmod of a module never loaded refused");
  CHECK (rmmod ("hv"), "rmmod hv");
  CHECK (!rmmod ("hv"), "rmmod hv again refused");
  vt_expect (list_status (), VMC_ENOHV, "list after rmmod");
  CHECK (insmod (VT_HV), "insmod hv.ko after rmmod");
  vt_wait_gone (vt_run (VT_HELLO));
  msg ("hello ran");
}
