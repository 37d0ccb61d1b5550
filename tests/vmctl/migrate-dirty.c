/* Live migration of a guest that dirties all of its 512 pages at every
   step, one step after another (dirty.c): pre-copy cannot converge,
   so the stop rule must end the rounds; the guest still moves, and its
   ticks go on without a gap, its pages intact (the guest checks them). */

#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Exits that show the dirty guest went on: its first step makes one
   nested page fault per page it touches (FIRST_EXITS), every step one
   hypercall to print its line and some interrupt exits. */
#define FIRST_EXITS 600
#define STEPS_EXITS 32

void
test_main (void)
{
  struct vmc_migrate m;

  vt_insmod ();
  /* Nested paging, whatever the kernel's default: under shadow paging
     the hv cannot log the guest's writes, and refuses to migrate. */
  struct vmc_run run = { "dirty.bin", 0, 0, 0, 0, VMC_PAGING_NPT, 0 };
  int vm = vt_run_with (&run);
  vt_wait_exits (vm, vt_exits (vm) + FIRST_EXITS);
  int moved = vt_migrate (vm, &m);
  CHECK (m.stop != VMC_MIG_CONVERGED, "pre-copy ended by the stop rule");
  vt_check_migration (&m);
  vt_wait_gone (vm);
  vt_wait_exits (moved, vt_exits (moved) + STEPS_EXITS);
  vt_kill (moved);
  msg ("killed");
}
