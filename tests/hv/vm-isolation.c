/* Two VMs at once cannot see each other's memory: both run
   guest-marker, which writes a value of its own at the same
   guest-physical address, yields to the other VM many times, and
   checks that its value stays.  Each VM's RAM is its own host pages,
   reachable only through its own nested page table. */

#include "tests/hv/hvtest.h"
#include "tests/ktest.h"
#include "threads/palloc.h"

#define VM_CNT 2

static void
vm_isolation_test (void)
{
  size_t free_before = palloc_free_count ();
  int vms[VM_CNT];

  for (int i = 0; i < VM_CNT; i++)
    vms[i] = hvtest_create ("guest-marker.bin", NULL);
  for (int i = 0; i < VM_CNT; i++)
    vmctl_start (vms[i]);
  for (int i = 0; i < VM_CNT; i++)
    {
      struct vmctl_report report;
      hvtest_finish (vms[i], "guest-marker.bin", &report);
      if (report.end != VMCTL_END_EXIT || report.exit_code != 0)
        fail ("VM %d failed its check", i);
    }
  hvtest_check_pages (free_before);
  msg ("both VMs kept their own memory");
}
KTEST ("vm-isolation", vm_isolation_test);
