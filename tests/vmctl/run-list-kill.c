/* Runs two VMs in the background, one with default options and one
   with every option set, checks what LIST says of each, kills them
   and checks that they are gone. */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Prints what LIST says of VM, in a line that does not change from
   run to run. */
static void
show (const char *what, int vm)
{
  struct vmc_info v;
  if (!vt_find (vm, &v))
    fail ("%s: VM %d is not listed", what, vm);
  msg ("%s: name %s, state %d, %u VCPU(s), weight %u, cap %u, RAM %u KiB, "
       "%s paging, tdf %u, owner %s", what, v.name, (int) v.state,
       (unsigned) v.vcpus, (unsigned) v.weight, (unsigned) v.cap,
       (unsigned) v.ram_kb, v.shadow ? "shadow" : "nested",
       (unsigned) v.tdf, v.owner > 0 ? "a process" : "none");
}

void
test_main (void)
{
  vt_insmod ();
  int plain = vt_run (VT_TICKER);
  struct vmc_run run = { VT_SPIN, 8, 2, 512, 50, VMC_PAGING_SHADOW, 3 };
  int tuned = vt_run_with (&run);
  CHECK (plain != tuned, "two VMs with two numbers");
  show ("ticker", plain);
  show ("guest-spin", tuned);
  vt_progress (plain);
  CHECK (vt_exits (plain) > 0, "ticker has made exits");

  vt_kill (plain);
  struct vmc_info info;
  CHECK (!vt_find (plain, &info), "ticker is gone once kill returns");
  vt_expect (vmctl (VMC_KILL, &plain), VMC_ENOVM, "kill it again");
  vt_kill (tuned);
  struct vmc_list list = { NULL, 0 };
  vt_expect (vmctl (VMC_LIST, &list), 0, "VMs left");
}
