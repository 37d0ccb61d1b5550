/* VM-control calls with bad pointers, each made by a child that the
   kernel must end with exit code -1: an argument block at NULL or in
   the kernel, a result buffer in the kernel or running into an
   unmapped page, a bad image name, a bad module name.  The VM running
   meanwhile is untouched, and the kernel keeps no page for any of
   them. */

#include <stdio.h>
#include <syscall.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vmctl/vmtest.h"

/* The kinds of bad call, child-bad-ptr's argument. */
static const char *const kinds[] =
  { "arg-null", "arg-kernel", "list-out", "run-image", "stats-out",
    "insmod-name", "rmmod-name" };
#define KIND_CNT (sizeof kinds / sizeof *kinds)

/* Runs child-bad-ptr KIND VM and returns its exit code. */
static int
run_child (const char *kind, int vm)
{
  char cmd[64];
  snprintf (cmd, sizeof cmd, "child-bad-ptr %s %d", kind, vm);
  return wait (exec (cmd));
}

void
test_main (void)
{
  vt_insmod ();
  int vm = vt_run (VT_SPIN);
  vt_wait_exits (vm, 1);

  /* Once each first, so the kernel's heap has what the calls need
     before the count starts. */
  for (size_t k = 0; k < KIND_CNT; k++)
    run_child (kinds[k], vm);
  quiet = true;
  size_t before = freepages ();
  for (size_t k = 0; k < KIND_CNT; k++)
    if (run_child (kinds[k], vm) != -1)
      fail ("%s: the child was not killed", kinds[k]);
  size_t after = vt_free_pages (before);
  quiet = false;
  CHECK (after == before, "every child killed, no page kept (%s)",
         after == before ? "as many free as before" : "pages lost");
  struct vmc_info info;
  CHECK (vt_find (vm, &info) && info.state == VMC_RUNNING,
         "guest-spin still runs");
  vt_kill (vm);
}
