/* The paging stress: eight child-linear processes at once, each
   writing and reading back 1 MiB: 8 MiB in all on a 4 MB machine,
   twice its memory and five times its user pool.  Every child must get
   its own data back, and once all have exited the kernel must have as
   many free pages and free swap slots as before.  Prints the
   virtual-memory counters on a line of its own, which the checker
   reads for the record (page-fault throughput) but does not compare. */

#include <stdio.h>
#include <syscall.h>
#include <syscall-nr.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/vmstat.h"

/* Children run at once, and what each is asked to do: "child-linear
   ID STRESS_KIB STRESS_PASSES". */
#define STRESS_CNT 8
#define STRESS_KIB 1024
#define STRESS_PASSES 2

/* Longest command line that starts a child. */
#define STRESS_CMD_MAX 32

void
test_main (void)
{
  struct vm_snapshot before;
  pid_t pids[STRESS_CNT];

  vm_snapshot_take (&before);
  int loads = vmstat (VMSTAT_LOADS);
  int evictions = vmstat (VMSTAT_EVICTIONS);
  int swap_outs = vmstat (VMSTAT_SWAP_OUTS);
  int swap_ins = vmstat (VMSTAT_SWAP_INS);

  for (int i = 0; i < STRESS_CNT; i++)
    {
      char cmd[STRESS_CMD_MAX];
      snprintf (cmd, sizeof cmd, "child-linear %d %d %d", i, STRESS_KIB,
                STRESS_PASSES);
      CHECK ((pids[i] = exec (cmd)) != PID_ERROR, "exec \"%s\"", cmd);
    }
  wait_children (pids, STRESS_CNT);

  printf ("page-stress: %d page loads, %d evictions, %d swap outs, "
          "%d swap ins; %zu free pages, %d free swap slots of %d\n",
          vmstat (VMSTAT_LOADS) - loads, vmstat (VMSTAT_EVICTIONS) - evictions,
          vmstat (VMSTAT_SWAP_OUTS) - swap_outs,
          vmstat (VMSTAT_SWAP_INS) - swap_ins, before.free_pages,
          before.free_slots, vmstat (VMSTAT_SWAP_SLOTS));
  vm_snapshot_compare (&before);
}
