/* A corrupted directory entry: the second entry of the root
   directory is overwritten with values a damaged disk could hold.
   Every operation that reads that entry must fail with a message
   saying what is wrong, while a file found before it still opens;
   once the entry is restored, everything works again.  This test
   knows the on-disk layout of directory entries (filesys/directory.c). */

#include <string.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/fsutil.h"
#include "filesys/inode.h"
#include "threads/palloc.h"

/* Size of an entry, and offsets of its fields. */
#define DIR_ENTRY_SIZE 32
#define DIR_ENTRY_SECTOR_OFS 0
#define DIR_ENTRY_NAME_OFS 4
#define DIR_ENTRY_NAME_SIZE 15
#define DIR_ENTRY_IN_USE_OFS 19

/* The damaged entry: the second, file "b"'s. */
#define DAMAGED_ENTRY 1

/* Reads (or, if WRITE, writes) entry DAMAGED_ENTRY of the root
   directory from (or to) E. */
static void
root_entry_io (uint8_t e[DIR_ENTRY_SIZE], bool write)
{
  struct inode *root;
  off_t n;

  filesys_lock_acquire ();
  root = inode_open (ROOT_DIR_SECTOR);
  CHECK (root != NULL, "cannot open the root directory's inode");
  n = (write ? inode_write_at (root, e, DIR_ENTRY_SIZE,
                               DAMAGED_ENTRY * DIR_ENTRY_SIZE)
             : inode_read_at (root, e, DIR_ENTRY_SIZE,
                              DAMAGED_ENTRY * DIR_ENTRY_SIZE));
  inode_close (root);
  filesys_lock_release ();
  check_int ("root directory entry bytes", n, DIR_ENTRY_SIZE);
}

/* Tries every operation with the entry damaged as WHAT says. */
static void
check_damage (const char *what)
{
  static char *ls_argv[] = { "ls", NULL };
  struct file *file;

  msg ("damage: %s", what);
  file = filesys_open ("a");
  CHECK (file != NULL, "the entry before the damage does not open");
  file_close (file);
  CHECK (filesys_open ("c") == NULL, "opened the file after the damage");
  CHECK (!filesys_create ("d", 0), "created a file in a corrupt directory");
  CHECK (!filesys_remove ("c"), "removed a file after the damage");
  msg ("a opens; opening c, creating d and removing c fail");
  fsutil_ls (ls_argv);
}

/* Runs the test: see the top of this file. */
static void
fs_corrupt_dir_test (void)
{
  uint8_t orig[DIR_ENTRY_SIZE], e[DIR_ENTRY_SIZE];
  size_t free_pages = palloc_free_count ();
  size_t free_sectors = fstest_free_sectors ();
  uint32_t far = 1u << 30;

  CHECK (filesys_create ("a", 10) && filesys_create ("b", 20)
         && filesys_create ("c", 30), "creating a, b and c");
  root_entry_io (orig, false);

  memcpy (e, orig, sizeof e);
  e[DIR_ENTRY_IN_USE_OFS] = 7;
  root_entry_io (e, true);
  check_damage ("in-use flag 7");

  memcpy (e, orig, sizeof e);
  memset (e + DIR_ENTRY_NAME_OFS, 'x', DIR_ENTRY_NAME_SIZE);
  root_entry_io (e, true);
  check_damage ("name without a null");

  memcpy (e, orig, sizeof e);
  memcpy (e + DIR_ENTRY_SECTOR_OFS, &far, sizeof far);
  root_entry_io (e, true);
  check_damage ("inode sector 2^30");

  root_entry_io (orig, true);
  CHECK (filesys_remove ("a") && filesys_remove ("b") && filesys_remove ("c"),
         "removing a, b and c after restoring the entry");
  msg ("restored, every file can be removed");
  check_uint ("free sectors", fstest_free_sectors (), free_sectors);
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every sector and page came back");
}

KTEST ("fs-corrupt-dir", fs_corrupt_dir_test);
