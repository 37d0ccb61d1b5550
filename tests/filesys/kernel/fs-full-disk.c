/* A full disk: files of 100 kB are created until the disk has no run
   of free sectors long enough.  The create that fails must fail
   cleanly (no sector taken, no name added); a smaller file that fits
   in what is left must still be created; and removing everything
   must give every sector back. */

#include <stdio.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* Size of each big file, and most files tried. */
#define FULL_DISK_FILE_SIZE (100 * 1024)
#define FULL_DISK_MAX 1000

/* Size of the file that must still fit. */
#define FULL_DISK_SMALL_SIZE (10 * 1024)

/* Writes the name of file number I into NAME. */
static void
file_name (char name[16], int i)
{
  snprintf (name, 16, "big%d", i);
}

/* Runs the test: see the top of this file. */
static void
fs_full_disk_test (void)
{
  size_t free_pages = palloc_free_count ();
  size_t free_sectors = fstest_free_sectors ();
  size_t left, before = 0;
  char name[16];
  int cnt, i;

  for (cnt = 0; cnt < FULL_DISK_MAX; cnt++)
    {
      file_name (name, cnt);
      before = fstest_free_sectors ();
      if (!filesys_create (name, FULL_DISK_FILE_SIZE))
        break;
    }
  left = fstest_free_sectors ();
  check_uint ("free sectors after the failed create", left, before);
  msg ("%d files of %d bytes fit; %zu of %zu sectors are left",
       cnt, FULL_DISK_FILE_SIZE, left, free_sectors);
  CHECK (filesys_open (name) == NULL, "the file that did not fit has a name");
  msg ("the create that failed took nothing and added no name");

  CHECK (filesys_create ("small", FULL_DISK_SMALL_SIZE),
         "a %d-byte file does not fit in %zu sectors", FULL_DISK_SMALL_SIZE,
         left);
  msg ("a file of %d bytes still fits: %zu sectors left",
       FULL_DISK_SMALL_SIZE, fstest_free_sectors ());

  for (i = 0; i < cnt; i++)
    {
      file_name (name, i);
      CHECK (filesys_remove (name), "removing %s", name);
    }
  CHECK (filesys_remove ("small"), "removing small");
  check_uint ("free sectors at the end", fstest_free_sectors (), free_sectors);
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every sector and page came back");
}

KTEST ("fs-full-disk", fs_full_disk_test);
