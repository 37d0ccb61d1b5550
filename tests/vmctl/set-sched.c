/* A VM's weight and cap, set when it starts and changed as it runs,
   as LIST shows them; -1 keeps one as it is; values out of range are
   refused and change nothing. */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Sets VM's weight and cap to WEIGHT and CAP; says what SET returned
   and what LIST shows afterwards. */
static void
set (int vm, int weight, int cap)
{
  struct vmc_set s = { vm, weight, cap };
  struct vmc_info info;
  int status = vmctl (VMC_SET, &s);
  if (!vt_find (vm, &info))
    fail ("VM %d is not listed", vm);
  msg ("set weight %d cap %d: %s; listed with weight %u, cap %u", weight, cap,
       vt_status_name (status), (unsigned) info.weight, (unsigned) info.cap);
}

void
test_main (void)
{
  vt_insmod ();
  struct vmc_run run = { VT_SPIN, 0, 1, 300, 40, VMC_PAGING_DEFAULT, 0 };
  int vm = vt_run_with (&run);
  set (vm, -1, -1);
  set (vm, 1000, -1);
  set (vm, -1, 75);
  set (vm, 5, 0);
  set (vm, 0, -1);
  set (vm, 65536, -1);
  set (vm, -1, 101);
  set (vm, -2, -1);
  struct vmc_set s = { 99, 10, 10 };
  vt_expect (vmctl (VMC_SET, &s), VMC_ENOVM, "set of VM 99");
  vt_kill (vm);
}
