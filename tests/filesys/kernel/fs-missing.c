/* No disks for the file system: the kernel runs with neither a
   file-system nor a scratch partition.  Boot must say so and go on;
   every file-system call and action must then fail with a message,
   never a panic. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/filesys.h"
#include "filesys/fsutil.h"

/* Runs the test: see the top of this file. */
static void
fs_missing_test (void)
{
  static char *ls_argv[] = { "ls", NULL };

  CHECK (!filesys_create ("file", 10), "created a file without a disk");
  CHECK (filesys_open ("file") == NULL, "opened a file without a disk");
  CHECK (!filesys_remove ("file"), "removed a file without a disk");
  msg ("create, open and remove fail");
  fsutil_ls (ls_argv);
  CHECK (!fsutil_extract_archive (), "extracted without a scratch disk");
  CHECK (!fsutil_append_file ("file"), "appended without a file system");
  msg ("ls, extract and append fail");
}

KTEST ("fs-missing", fs_missing_test);
