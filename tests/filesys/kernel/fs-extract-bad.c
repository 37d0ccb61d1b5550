/* Bad archives: the test writes archives onto the scratch disk that
   "extract" must refuse with a message -- a header with a bad
   checksum, a member that runs past the end of the disk, a file too
   big for the file system, a name too long for it -- and checks that
   each refusal leaves the file system as it was.  A directory member
   is skipped; members before a bad header are extracted; a refused
   archive keeps its first header. */

#include <round.h>
#include <string.h>
#include <ustar.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/fsutil.h"
#include "threads/palloc.h"

/* Size of the file that cannot fit a 2 MB file system. */
#define TOO_BIG (3 * 1024 * 1024)

/* One sector, for building archive blocks. */
static uint8_t sector_buf[BLOCK_SECTOR_SIZE];

/* Returns the scratch disk. */
static struct block *
scratch (void)
{
  struct block *b = block_get_role (BLOCK_SCRATCH);

  CHECK (b != NULL, "no scratch disk");
  return b;
}

/* Writes a header for NAME of TYPE and SIZE bytes to sector SECTOR
   of the scratch disk, and an end-of-archive block after the member's
   data (which a member put there next overwrites).  Returns the
   sector after the member's data. */
static block_sector_t
put_member (block_sector_t sector, const char *name, enum ustar_type type,
            int size)
{
  block_sector_t next = sector + 1 + DIV_ROUND_UP (size, USTAR_BLOCK_SIZE);

  CHECK (ustar_make_header (name, type, size, (char *) sector_buf),
         "ustar_make_header for %s", name);
  block_write (scratch (), sector, sector_buf);
  memset (sector_buf, 0, sizeof sector_buf);
  if (next < block_size (scratch ()))
    block_write (scratch (), next, sector_buf);
  return next;
}

/* Runs extract on an archive described by WHAT, which must refuse
   it and leave the file system's free sectors as they were. */
static void
extract_refused (const char *what)
{
  size_t free_sectors = fstest_free_sectors ();

  msg ("archive: %s", what);
  CHECK (!fsutil_extract_archive (), "extract succeeded");
  check_uint ("free sectors after the refusal", fstest_free_sectors (),
              free_sectors);
  msg ("extract fails and changes nothing");
}

/* Runs the test: see the top of this file. */
static void
fs_extract_bad_test (void)
{
  size_t free_pages = palloc_free_count ();
  block_sector_t end;

  put_member (0, "broken", USTAR_REGULAR, 10);
  block_read (scratch (), 0, sector_buf);
  sector_buf[0] ^= 1;
  block_write (scratch (), 0, sector_buf);
  extract_refused ("a header with a bad checksum");

  put_member (0, "overrun", USTAR_REGULAR,
              block_size (scratch ()) * BLOCK_SECTOR_SIZE);
  extract_refused ("a member longer than the scratch disk");

  put_member (0, "huge", USTAR_REGULAR, TOO_BIG);
  extract_refused ("a file bigger than the file system");
  CHECK (filesys_open ("huge") == NULL, "huge was left behind");

  put_member (0, "a-much-too-long-name", USTAR_REGULAR, 5);
  extract_refused ("a name longer than 14 characters");

  end = put_member (0, "subdir", USTAR_DIRECTORY, 0);
  end = put_member (end, "first", USTAR_REGULAR, 700);
  memset (sector_buf, 0, sizeof sector_buf);
  strlcpy ((char *) sector_buf, "garbage, not a header", sizeof sector_buf);
  block_write (scratch (), end, sector_buf);
  msg ("archive: a directory, a file, then garbage");
  CHECK (!fsutil_extract_archive (), "extract succeeded");
  check_uint ("first's length", fstest_length ("first"), 700);
  block_read (scratch (), 0, sector_buf);
  CHECK (sector_buf[0] == 's', "the refused archive lost its first header");
  msg ("the file before the garbage is there; the archive is kept");

  end = put_member (0, "subdir", USTAR_DIRECTORY, 0);
  put_member (end, "first", USTAR_REGULAR, 300);
  msg ("archive: a directory and a file");
  CHECK (fsutil_extract_archive (), "extract failed");
  check_uint ("first's new length", fstest_length ("first"), 300);
  msg ("the file was replaced by the archive's");

  CHECK (filesys_remove ("first"), "removing first");
  check_uint ("free pages", palloc_free_count (), free_pages);
}

KTEST ("fs-extract-bad", fs_extract_bad_test);
