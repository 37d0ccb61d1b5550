/* A paused VM stops: it makes no exit, uses no CPU time and prints no
   line while the test spins for many of its steps; pausing it twice
   and resuming a running VM are refused; resumed, it goes on with its
   next step (the checker sees the counter). */

#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* Loop rounds the test spins with the VM paused: many of its steps. */
#define PAUSED_ROUNDS 3000000

void
test_main (void)
{
  struct vmc_info before, after;

  vt_insmod ();
  int vm = vt_run (VT_TICKER);
  vt_progress (vm);
  vt_expect (vmctl (VMC_RESUME, &vm), VMC_ENOTPAUSED, "resume while running");
  vt_expect (vmctl (VMC_PAUSE, &vm), VMC_OK, "pause");
  vt_expect (vmctl (VMC_PAUSE, &vm), VMC_EPAUSED, "pause again");
  if (!vt_find (vm, &before))
    fail ("VM %d is not listed", vm);
  vt_spin (PAUSED_ROUNDS);
  if (!vt_find (vm, &after))
    fail ("VM %d is not listed", vm);
  CHECK (after.state == VMC_PAUSED, "listed as paused");
  CHECK (after.exits == before.exits, "no exit while paused");
  CHECK (after.run_us == before.run_us, "no CPU time while paused");
  vt_expect (vmctl (VMC_RESUME, &vm), VMC_OK, "resume");
  vt_progress (vm);
  msg ("it goes on");
  vt_kill (vm);
}
