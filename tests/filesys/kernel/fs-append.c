/* Append and get: the launcher puts notes.txt on the scratch disk,
   the kernel extracts it, this test writes a 5,000-byte file called
   "pattern", and the kernel's "append" actions (added by the
   launcher's -g options) copy both back to the scratch disk, one
   after the other, where the launcher finds them after the run.  The
   checker compares what came back with the host's notes.txt and with
   the pattern.  The test also checks that appending a missing file
   fails. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/fsutil.h"

/* The pattern file's size and seed (the checker knows them too). */
#define APPEND_SIZE 5000
#define APPEND_SEED 0x99

/* Runs the test: see the top of this file. */
static void
fs_append_test (void)
{
  struct file *file = fstest_create ("pattern", APPEND_SIZE);

  fstest_write (file, APPEND_SIZE, 999, APPEND_SEED);
  file_close (file);
  msg ("wrote pattern, %d bytes", APPEND_SIZE);
  CHECK (!fsutil_append_file ("missing"), "appended a missing file");
  msg ("appending a missing file fails");
}

KTEST ("fs-append", fs_append_test);
