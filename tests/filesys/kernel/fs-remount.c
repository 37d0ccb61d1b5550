/* Persistence: everything the file system does is on disk at once.
   Files are created, written and removed; the file system is shut
   down and mounted again from the disk; the same files, sizes,
   contents and free sectors must be there. */

#include <stdio.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* The files written: name, size and seed. */
static const struct remount_file
  {
    const char *name;
    off_t size;
    unsigned seed;
  }
remount_files[] =
  {
    { "first", 5000, 1 },
    { "second", 12345, 2 },
    { "third", 512, 3 },
  };
#define REMOUNT_FILE_CNT (sizeof remount_files / sizeof *remount_files)

/* Creates and writes the files, plus one that is removed again. */
static void
write_files (void)
{
  size_t i;

  CHECK (filesys_create ("doomed", 4000), "creating doomed");
  for (i = 0; i < REMOUNT_FILE_CNT; i++)
    {
      const struct remount_file *f = &remount_files[i];
      struct file *file = fstest_create (f->name, f->size);
      fstest_write (file, f->size, 1000, f->seed);
      file_close (file);
    }
  CHECK (filesys_remove ("doomed"), "removing doomed");
}

/* Checks the files after mounting again. */
static void
verify_files (void)
{
  size_t i;

  for (i = 0; i < REMOUNT_FILE_CNT; i++)
    {
      const struct remount_file *f = &remount_files[i];
      struct file *file = fstest_open (f->name);
      fstest_verify (file, f->size, 333, f->seed);
      file_close (file);
      msg ("%s: %"PROTd" bytes, as written", f->name, f->size);
    }
  CHECK (filesys_open ("doomed") == NULL, "the removed file came back");
}

/* Runs the test: see the top of this file. */
static void
fs_remount_test (void)
{
  size_t free_pages = palloc_free_count ();
  size_t free_sectors;

  write_files ();
  free_sectors = fstest_free_sectors ();
  filesys_done ();
  CHECK (filesys_open ("first") == NULL, "opened a file after filesys_done");
  CHECK (!filesys_create ("late", 0), "created a file after filesys_done");
  msg ("after filesys_done, the file system refuses work");

  filesys_init (false);
  msg ("mounted again");
  verify_files ();
  check_uint ("free sectors after mounting again", fstest_free_sectors (),
              free_sectors);
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("free sectors and pages are as before");
}

KTEST ("fs-remount", fs_remount_test);
