/* Helpers shared by the kernel-level file-system tests: see
   fstest.h. */

#include "tests/filesys/kernel/fstest.h"
#include <stdio.h>
#include <string.h>
#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/free-map.h"
#include "threads/malloc.h"

/* Multiplier of the pattern: Knuth's multiplicative hash, so that the
   byte at each offset differs from its neighbours and from the bytes
   a sector or a page away. */
#define FSTEST_PATTERN_MUL 2654435761u

/* FNV-1a prime. */
#define FSTEST_HASH_PRIME 16777619u

/* Returns the byte the pattern for SEED has at file offset OFS.  The
   test checkers compute the same pattern in Perl. */
uint8_t
fstest_byte (off_t ofs, unsigned seed)
{
  return ((uint32_t) ofs * FSTEST_PATTERN_MUL >> 24) ^ seed;
}

/* Fills the SIZE bytes of BUF with the pattern for SEED, as the bytes
   at file offsets OFS onward. */
void
fstest_fill (uint8_t *buf, size_t size, off_t ofs, unsigned seed)
{
  size_t i;

  for (i = 0; i < size; i++)
    buf[i] = fstest_byte (ofs + i, seed);
}

/* Returns the FNV-1a hash HASH (FSTEST_HASH_START to begin with)
   continued over the SIZE bytes of BUF. */
uint32_t
fstest_hash (const void *buf_, size_t size, uint32_t hash)
{
  const uint8_t *buf = buf_;
  size_t i;

  for (i = 0; i < size; i++)
    hash = (hash ^ buf[i]) * FSTEST_HASH_PRIME;
  return hash;
}

/* Creates a file called NAME of SIZE bytes and opens it. */
struct file *
fstest_create (const char *name, off_t size)
{
  CHECK (filesys_create (name, size), "create \"%s\" (%"PROTd" bytes) failed",
         name, size);
  return fstest_open (name);
}

/* Opens the file called NAME. */
struct file *
fstest_open (const char *name)
{
  struct file *file = filesys_open (name);

  CHECK (file != NULL, "open \"%s\" failed", name);
  return file;
}

/* Returns the length of the file called NAME. */
off_t
fstest_length (const char *name)
{
  struct file *file = fstest_open (name);
  off_t length = file_length (file);

  file_close (file);
  return length;
}

/* Returns a buffer of SIZE bytes from malloc. */
static uint8_t *
fstest_alloc (size_t size)
{
  uint8_t *buf = malloc (size);

  CHECK (buf != NULL, "out of memory for a %zu-byte buffer", size);
  return buf;
}

/* Writes the pattern for SEED over the SIZE bytes of FILE, from its
   position 0, with file_write calls of PIECE bytes (the last may be
   shorter), checking each. */
void
fstest_write (struct file *file, off_t size, size_t piece, unsigned seed)
{
  uint8_t *buf = fstest_alloc (piece);
  off_t ofs, n;

  file_seek (file, 0);
  for (ofs = 0; ofs < size; ofs += n)
    {
      n = size - ofs < (off_t) piece ? size - ofs : (off_t) piece;
      fstest_fill (buf, n, ofs, seed);
      check_int ("bytes written", file_write (file, buf, n), n);
    }
  check_int ("position after writing", file_tell (file), size);
  free (buf);
}

/* Reads FILE, which must be SIZE bytes long, from position 0 with
   file_read calls of PIECE bytes and checks that it holds the pattern
   for SEED and ends where it should. */
void
fstest_verify (struct file *file, off_t size, size_t piece, unsigned seed)
{
  uint8_t *buf = fstest_alloc (piece);
  off_t ofs, n, i;

  check_int ("file length", file_length (file), size);
  file_seek (file, 0);
  for (ofs = 0; ofs < size; ofs += n)
    {
      n = size - ofs < (off_t) piece ? size - ofs : (off_t) piece;
      check_int ("bytes read", file_read (file, buf, piece), n);
      for (i = 0; i < n; i++)
        CHECK (buf[i] == fstest_byte (ofs + i, seed),
               "byte %"PROTd" is 0x%02x, expected 0x%02x",
               ofs + i, buf[i], fstest_byte (ofs + i, seed));
    }
  check_int ("bytes read at the end", file_read (file, buf, piece), 0);
  free (buf);
}

/* Writes sector SECTOR of the file-system partition as the sector
   contents ORIG with the 32-bit VALUE stored at byte OFS: damage a
   test does on purpose. */
void
fstest_patch_sector (block_sector_t sector, const uint8_t *orig, size_t ofs,
                     uint32_t value)
{
  static uint8_t buf[BLOCK_SECTOR_SIZE];

  ASSERT (ofs + sizeof value <= sizeof buf);
  memcpy (buf, orig, sizeof buf);
  memcpy (buf + ofs, &value, sizeof value);
  block_write (fs_device, sector, buf);
}

/* Returns the number of free sectors of the file system. */
size_t
fstest_free_sectors (void)
{
  size_t cnt;

  filesys_lock_acquire ();
  cnt = free_map_free_count ();
  filesys_lock_release ();
  return cnt;
}
