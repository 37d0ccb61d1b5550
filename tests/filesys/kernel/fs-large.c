/* A large file: 400,000 bytes, spanning 782 sectors, written with
   pieces of an odd size that straddle sector boundaries and read back
   with pieces of another odd size, then read at scattered offsets.
   The pattern names each offset, so a sector written or read in the
   wrong place is caught. */

#include <random.h>
#include <round.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"

/* The file's size, and its pattern's seed. */
#define LARGE_SIZE 400000
#define LARGE_SEED 0xc3

/* Sizes of the pieces written and read. */
#define LARGE_WRITE_PIECE 1237
#define LARGE_READ_PIECE 4099

/* Scattered reads, and their size. */
#define LARGE_PROBES 200
#define LARGE_PROBE_SIZE 700

/* Reads LARGE_PROBES pieces at random offsets, each checked. */
static void
probe (struct file *file)
{
  static uint8_t buf[LARGE_PROBE_SIZE];
  int i, j;

  random_init (LARGE_SEED);
  for (i = 0; i < LARGE_PROBES; i++)
    {
      off_t ofs = random_ulong () % LARGE_SIZE;
      off_t want = LARGE_SIZE - ofs < LARGE_PROBE_SIZE ? LARGE_SIZE - ofs
                                                       : LARGE_PROBE_SIZE;
      check_int ("probe size", file_read_at (file, buf, sizeof buf, ofs),
                 want);
      for (j = 0; j < want; j++)
        CHECK (buf[j] == fstest_byte (ofs + j, LARGE_SEED),
               "probe at %"PROTd": byte %"PROTd" is wrong", ofs, ofs + j);
    }
}

/* Runs the test: see the top of this file. */
static void
fs_large_test (void)
{
  size_t free_pages = palloc_free_count ();
  size_t free_sectors = fstest_free_sectors ();
  struct file *file = fstest_create ("large", LARGE_SIZE);

  check_uint ("sectors it took", free_sectors - fstest_free_sectors (),
              1 + DIV_ROUND_UP (LARGE_SIZE, BLOCK_SECTOR_SIZE));
  fstest_write (file, LARGE_SIZE, LARGE_WRITE_PIECE, LARGE_SEED);
  msg ("wrote %d bytes in pieces of %d", LARGE_SIZE, LARGE_WRITE_PIECE);
  fstest_verify (file, LARGE_SIZE, LARGE_READ_PIECE, LARGE_SEED);
  msg ("read them back in pieces of %d", LARGE_READ_PIECE);
  probe (file);
  msg ("%d reads at random offsets match", LARGE_PROBES);
  file_close (file);

  file = fstest_open ("large");
  fstest_verify (file, LARGE_SIZE, BLOCK_SECTOR_SIZE, LARGE_SEED);
  file_close (file);
  msg ("reopened, it reads back whole, sector by sector");

  CHECK (filesys_remove ("large"), "removing large");
  check_uint ("free sectors after removing", fstest_free_sectors (),
              free_sectors);
  check_uint ("free pages", palloc_free_count (), free_pages);
  msg ("every sector and page came back");
}

KTEST ("fs-large", fs_large_test);
