/* A full directory: empty files are created until the root directory
   has no free entry.  The create that fails must fail cleanly (no
   sector taken, no name added), the directory must still work, and a
   removed file's entry must be reusable. */

#include <stdio.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* More files than any root directory of the base file system holds. */
#define FULL_DIR_MAX 1000

/* Writes the name of file number I into NAME. */
static void
file_name (char name[16], int i)
{
  snprintf (name, 16, "file%d", i);
}

/* Removes files 0 to CNT - 1. */
static void
remove_all (int cnt)
{
  char name[16];
  int i;

  for (i = 0; i < cnt; i++)
    {
      file_name (name, i);
      CHECK (filesys_remove (name), "removing %s", name);
    }
}

/* Runs the test: see the top of this file. */
static void
fs_full_dir_test (void)
{
  size_t free_pages = palloc_free_count ();
  size_t free_sectors = fstest_free_sectors ();
  size_t before_failure;
  struct file *file;
  char name[16];
  int cnt;

  for (cnt = 0; cnt < FULL_DIR_MAX; cnt++)
    {
      file_name (name, cnt);
      if (!filesys_create (name, 0))
        break;
    }
  msg ("the root directory took %d files", cnt);
  check_uint ("sectors taken: one inode each",
              free_sectors - fstest_free_sectors (), cnt);

  before_failure = fstest_free_sectors ();
  CHECK (!filesys_create ("one-more", 0),
         "created a file in a full directory");
  check_uint ("sectors after the failed create", fstest_free_sectors (),
              before_failure);
  CHECK (filesys_open ("one-more") == NULL, "the failed file has a name");
  msg ("creating one more fails and takes nothing");

  file = fstest_open ("file0");
  file_close (file);
  CHECK (filesys_remove ("file7"), "removing file7");
  CHECK (filesys_create ("one-more", 0), "the freed entry is not reused");
  CHECK (filesys_remove ("one-more"), "removing one-more");
  CHECK (filesys_create ("file7", 0), "recreating file7");
  msg ("files still open, and a removed file's entry is reused");

  remove_all (cnt);
  check_uint ("free sectors at the end", fstest_free_sectors (), free_sectors);
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every sector and page came back");
}

KTEST ("fs-full-dir", fs_full_dir_test);
