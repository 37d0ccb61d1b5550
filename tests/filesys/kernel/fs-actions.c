/* The ls, rm and cat actions: the launcher puts notes.txt on the
   scratch disk, and the command line extracts it, lists the files,
   removes it twice (the second time must fail), tries to print it
   (which must fail) and lists the files again.  The checker compares
   what each action printed; this test checks that the file is gone
   and that its sectors came back. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/filesys.h"

/* Free sectors of a freshly formatted 2 MB file system. */
#define ACTIONS_FREE_SECTORS 4089

/* Runs the test: see the top of this file. */
static void
fs_actions_test (void)
{
  CHECK (filesys_open ("notes.txt") == NULL, "notes.txt is still there");
  check_uint ("free sectors", fstest_free_sectors (), ACTIONS_FREE_SECTORS);
  msg ("notes.txt is gone, and its sectors are free");
}

KTEST ("fs-actions", fs_actions_test);
