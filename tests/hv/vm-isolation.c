/* Two VMs at once cannot see each other's memory: both run
   guest-marker, which writes a value of its own at the same
   guest-physical address, yields to the other VM many times, and
   checks that its value stays.  Each VM's RAM is its own host pages,
   reachable only through its own nested page table. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"

static void
vm_isolation_test (void)
{
  hvtest_run_together ("guest-marker.bin", 2);
  msg ("both VMs kept their own memory");
}
KTEST ("vm-isolation", vm_isolation_test);
