/* Extract and cat: the launcher puts a text file (notes.txt) and a
   binary one (loader.bin) on the scratch disk; the kernel's
   "extract" action copies them into the file system and "cat" prints
   them.  This test then prints each file's size and hash for the
   checker to compare with the host's files, checks that extract
   erased the archive's first header, and that extracting again finds
   nothing. */

#include <stdio.h>
#include "tests/filesys/kernel/fstest.h"
#include "tests/ktest.h"
#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/fsutil.h"
#include "threads/palloc.h"

/* Prints the size and FNV-1a hash of the file called NAME. */
static void
print_hash (const char *name)
{
  static uint8_t buf[BLOCK_SECTOR_SIZE];
  struct file *file = fstest_open (name);
  uint32_t hash = FSTEST_HASH_START;
  off_t n, total = 0;

  while ((n = file_read (file, buf, sizeof buf)) > 0)
    {
      hash = fstest_hash (buf, n, hash);
      total += n;
    }
  check_int ("bytes read", total, file_length (file));
  msg ("%s: %"PROTd" bytes, hash %08"PRIx32, name, total, hash);
  file_close (file);
}

/* Checks that sector 0 of the scratch disk is all zeros. */
static void
check_header_erased (void)
{
  static uint8_t buf[BLOCK_SECTOR_SIZE];
  struct block *scratch = block_get_role (BLOCK_SCRATCH);
  size_t i;

  CHECK (scratch != NULL, "no scratch disk");
  block_read (scratch, 0, buf);
  for (i = 0; i < sizeof buf; i++)
    CHECK (buf[i] == 0, "byte %zu of the first header is 0x%02x", i, buf[i]);
  msg ("the archive's first header is erased");
}

/* Runs the test: see the top of this file. */
static void
fs_extract_test (void)
{
  size_t free_pages = palloc_free_count ();

  print_hash ("notes.txt");
  print_hash ("loader.bin");
  check_header_erased ();
  CHECK (fsutil_extract_archive (), "extracting again failed");
  msg ("extracting again succeeds and finds nothing");
  check_uint ("free pages", palloc_free_count (), free_pages);
}

KTEST ("fs-extract", fs_extract_test);
