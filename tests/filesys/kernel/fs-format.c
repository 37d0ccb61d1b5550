/* Format and list: a freshly formatted file system has an empty root
   directory and all but its metadata sectors free; files created in
   it are listed, by the directory and by the "ls" action, with their
   sizes, in the order they were created. */

#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/directory.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/fsutil.h"

/* Prints each name dir_readdir gives for the root directory. */
static void
list_root (void)
{
  char name[NAME_MAX + 1];
  struct dir *dir;
  int cnt = 0;

  filesys_lock_acquire ();
  dir = filesys_open_root ();
  CHECK (dir != NULL, "there is no root directory");
  while (dir_readdir (dir, name))
    msg ("readdir %d: %s", cnt++, name);
  dir_close (dir);
  filesys_lock_release ();
  msg ("readdir found %d files", cnt);
}

/* Runs the test: see the top of this file. */
static void
fs_format_test (void)
{
  static char *ls_argv[] = { "ls", NULL };

  msg ("free sectors after formatting: %zu", fstest_free_sectors ());
  list_root ();
  fsutil_ls (ls_argv);

  CHECK (filesys_create ("alpha", 100), "create alpha");
  CHECK (filesys_create ("empty", 0), "create empty");
  CHECK (filesys_create ("a-longer-name", 1500), "create a-longer-name");
  msg ("created alpha (100 bytes), empty (0), a-longer-name (1500)");
  msg ("free sectors now: %zu", fstest_free_sectors ());
  list_root ();
  fsutil_ls (ls_argv);
}

KTEST ("fs-format", fs_format_test);
