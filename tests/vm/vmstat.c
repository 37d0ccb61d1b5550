/* Snapshots of the kernel's memory counters (see vmstat.h). */

#include "tests/vm/vmstat.h"
#include <syscall.h>
#include <syscall-nr.h>
#include "tests/lib.h"

/* Records in *S what the kernel has free now. */
void
vm_snapshot_take (struct vm_snapshot *s)
{
  s->free_pages = freepages ();
  s->free_slots = vmstat (VMSTAT_SWAP_FREE);
}

/* Fails unless the kernel has exactly as much free as it had at
   BEFORE; says so if it does. */
void
vm_snapshot_compare (const struct vm_snapshot *before)
{
  struct vm_snapshot now;

  vm_snapshot_take (&now);
  if (now.free_pages != before->free_pages)
    fail ("free pages: %zu before, %zu after", before->free_pages,
          now.free_pages);
  msg ("free pages: as many after as before");
  if (now.free_slots != before->free_slots)
    fail ("free swap slots: %d before, %d after", before->free_slots,
          now.free_slots);
  msg ("free swap slots: as many after as before");
}
