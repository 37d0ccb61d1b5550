/* Removing an open file: the name goes at once (open fails, the name
   can be taken by a new file), but every handle already open keeps
   reading and writing the old data, and the old file's sectors come
   back only when its last handle closes. */

#include <round.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* Sizes and seeds of the old and the new file. */
#define OLD_SIZE 3000
#define OLD_SEED 0x11
#define NEW_SIZE 700
#define NEW_SEED 0x22

/* Runs the test: see the top of this file. */
static void
fs_remove_open_test (void)
{
  size_t free_pages = palloc_free_count ();
  size_t free_sectors = fstest_free_sectors ();
  size_t removed_sectors;
  struct file *old = fstest_create ("victim", OLD_SIZE);
  struct file *other = fstest_open ("victim");
  struct file *new;

  fstest_write (old, OLD_SIZE, 512, OLD_SEED);
  CHECK (filesys_remove ("victim"), "removing victim");
  CHECK (filesys_open ("victim") == NULL, "opened victim after removing it");
  CHECK (!filesys_remove ("victim"), "removed victim twice");
  msg ("after removing, the name is gone");

  fstest_verify (old, OLD_SIZE, 1000, OLD_SEED);
  fstest_verify (other, OLD_SIZE, 999, OLD_SEED);
  msg ("both open handles still read the data");
  fstest_write (other, OLD_SIZE, 100, OLD_SEED + 1);
  fstest_verify (old, OLD_SIZE, 300, OLD_SEED + 1);
  msg ("and write it, each seeing the other's writes");

  new = fstest_create ("victim", NEW_SIZE);
  fstest_write (new, NEW_SIZE, 64, NEW_SEED);
  fstest_verify (old, OLD_SIZE, 4096, OLD_SEED + 1);
  fstest_verify (new, NEW_SIZE, 4096, NEW_SEED);
  msg ("a new file can take the name; old and new are apart");

  removed_sectors = fstest_free_sectors ();
  file_close (old);
  check_uint ("free sectors with one handle still open",
              fstest_free_sectors (), removed_sectors);
  file_close (other);
  check_uint ("sectors freed by the last close",
              fstest_free_sectors () - removed_sectors,
              1 + DIV_ROUND_UP (OLD_SIZE, BLOCK_SECTOR_SIZE));
  msg ("the old file's sectors come back at its last close");

  file_close (new);
  CHECK (filesys_remove ("victim"), "removing the new victim");
  check_uint ("free sectors at the end", fstest_free_sectors (), free_sectors);
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every sector and page came back");
}

KTEST ("fs-remove-open", fs_remove_open_test);
