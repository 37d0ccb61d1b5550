/* Snapshots of the kernel's memory counters, for the virtual-memory
   tests that check that a workload gave back every page and swap slot
   it took. */
#ifndef TESTS_VM_VMSTAT_H
#define TESTS_VM_VMSTAT_H

#include <stddef.h>

/* What the kernel had free at one moment, as the calling process sees
   it (its own pages and slots count as free). */
struct vm_snapshot
  {
    size_t free_pages;          /* freepages () */
    int free_slots;             /* vmstat (VMSTAT_SWAP_FREE) */
  };

void vm_snapshot_take (struct vm_snapshot *);
void vm_snapshot_compare (const struct vm_snapshot *before);

#endif /* tests/vm/vmstat.h */
