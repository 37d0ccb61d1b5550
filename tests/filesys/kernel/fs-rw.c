/* Reading and writing one file: file_write and file_read move the
   position, file_read_at and file_write_at do not, file_seek and
   file_tell agree, writes stop at the end of the file (files do not
   grow), reads there return 0, two handles on one file have their own
   positions, and file names are checked on creation. */

#include <string.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "filesys/directory.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* Size of the test file, and the seed of its pattern. */
#define RW_SIZE 1000
#define RW_SEED 0x5a

/* Writes the pattern in three pieces, one running past the end. */
static void
write_pieces (struct file *file)
{
  static uint8_t buf[RW_SIZE + 200];

  fstest_fill (buf, sizeof buf, 0, RW_SEED);
  check_int ("write 300 at 0", file_write (file, buf, 300), 300);
  check_int ("tell", file_tell (file), 300);
  check_int ("write_at 600 at 300", file_write_at (file, buf + 300, 600, 300),
             600);
  check_int ("tell after write_at", file_tell (file), 300);
  file_seek (file, 900);
  check_int ("write 300 at 900: stops at the end", file_write (file, buf + 900,
                                                               300), 100);
  check_int ("tell at the end", file_tell (file), RW_SIZE);
  check_int ("write at the end", file_write (file, buf, 10), 0);
  check_int ("write_at past the end", file_write_at (file, buf, 10, 5000), 0);
  check_int ("write of a negative size", file_write_at (file, buf, -1, 0), 0);
  check_int ("length did not grow", file_length (file), RW_SIZE);
  msg ("writes stop at the end of the file; position follows file_write");
}

/* Reads pieces back through two handles with their own positions. */
static void
read_pieces (struct file *file)
{
  struct file *other = file_reopen (file);
  uint8_t buf[16];

  CHECK (other != NULL, "file_reopen failed");
  file_seek (file, 512);
  check_int ("read 16 at 512", file_read (file, buf, sizeof buf), 16);
  check_int ("byte 512", buf[0], fstest_byte (512, RW_SEED));
  check_int ("second handle starts at 0", file_tell (other), 0);
  check_int ("read 16 through it", file_read (other, buf, sizeof buf), 16);
  check_int ("its byte 0", buf[0], fstest_byte (0, RW_SEED));
  check_int ("first handle still at 528", file_tell (file), 528);
  check_int ("read_at 990 returns the last 10", file_read_at (file, buf, 16,
                                                             990), 10);
  check_int ("byte 999", buf[9], fstest_byte (999, RW_SEED));
  check_int ("read_at the end", file_read_at (file, buf, 16, RW_SIZE), 0);
  check_int ("read_at a negative offset", file_read_at (file, buf, 16, -1), 0);
  file_seek (other, -5);
  check_int ("read at a negative position", file_read (other, buf, 16), 0);
  file_close (other);
  msg ("two handles keep their own positions; reads stop at the end");
}

/* Checks which names filesys_create accepts. */
static void
check_names (void)
{
  CHECK (filesys_create ("fourteen-chars", 0), "a 14-character name");
  CHECK (!filesys_create ("fifteen-chars-x", 0), "a 15-character name");
  CHECK (!filesys_create ("", 0), "an empty name");
  CHECK (!filesys_create ("a/b", 0), "a name with '/'");
  CHECK (!filesys_create ("data", 0), "a name already taken");
  CHECK (!filesys_create ("negative", -1), "a negative size");
  CHECK (filesys_open ("fifteen-chars-x") == NULL, "opened a 15-char name");
  CHECK (filesys_open ("missing") == NULL, "opened a missing file");
  CHECK (filesys_remove ("fourteen-chars"), "removing fourteen-chars");
  msg ("names of 1 to %d characters without '/' are accepted, once",
       NAME_MAX);
}

/* Runs the test: see the top of this file. */
static void
fs_rw_test (void)
{
  size_t free_pages = palloc_free_count ();
  size_t free_sectors = fstest_free_sectors ();
  struct file *file = fstest_create ("data", RW_SIZE);

  check_int ("new file's length", file_length (file), RW_SIZE);
  check_int ("new file's position", file_tell (file), 0);
  write_pieces (file);
  fstest_verify (file, RW_SIZE, 77, RW_SEED);
  msg ("the whole file reads back as written");
  read_pieces (file);
  check_names ();
  file_close (file);
  CHECK (filesys_remove ("data"), "removing data");
  check_uint ("free sectors after removing everything",
              fstest_free_sectors (), free_sectors);
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every sector and page came back");
}

KTEST ("fs-rw", fs_rw_test);
