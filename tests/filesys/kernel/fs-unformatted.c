/* An unformatted disk: the file-system partition is blank and the
   kernel is not told to format it.  Boot must say what is wrong and
   how to fix it, and go on; file-system calls must then fail. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/filesys.h"

/* Runs the test: see the top of this file. */
static void
fs_unformatted_test (void)
{
  CHECK (!filesys_create ("file", 10), "created a file on a blank disk");
  CHECK (filesys_open ("file") == NULL, "opened a file on a blank disk");
  msg ("create and open fail");
}

KTEST ("fs-unformatted", fs_unformatted_test);
