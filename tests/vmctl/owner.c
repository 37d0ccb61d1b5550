/* The ownership rule of the vmctl system call: a process may act on a
   VM that it or one of its descendants started, and nothing else
   unless it is the first process or a program that one runs.  The
   roles are played by child-owner, below a manager this test runs;
   at the end no VM is left. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

void
test_main (void)
{
  vt_insmod ();
  int status = wait (exec ("child-owner manager"));
  CHECK (status == 0, "the manager is done");
  struct vmc_list list = { NULL, 0 };
  vt_expect (vmctl (VMC_LIST, &list), 0, "VMs left");
}
