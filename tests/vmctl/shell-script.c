/* Runs after the shell has run vmctl.sh, a script of vmctl commands,
   as the first process (Make.tests): the script ends by unloading the
   hypervisor, which works only once no VM is left, so the hv must be
   gone. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

void
test_main (void)
{
  struct vmc_list list = { NULL, 0 };
  vt_expect (vmctl (VMC_LIST, &list), VMC_ENOHV, "after the script");
}
