/* The free map: one bit per sector of the file-system partition, set
   for a sector in use.  In memory it is a struct bitmap; on disk it
   is the data of the file whose inode is in FREE_MAP_SECTOR, bit I
   in bit I % 8 of byte I / 8.  Each allocation and release writes the
   bytes it changed straight to disk, so the disk is always current. */

#include "filesys/free-map.h"
#include "filesys/filesys.h"
#include "filesys/inode.h"
#include <stdio.h>
#include <stdint.h>
#include <round.h>
#include <debug.h>
#include <bitmap.h>

/* Bits in a byte of the on-disk map. */
#define FREE_MAP_BYTE_BITS 8

/* Bytes of the on-disk map packed or unpacked at a time. */
#define FREE_MAP_CHUNK 64

/* The map in memory, and the file that holds it on disk (NULL while
   the file is not open, e.g. early in formatting). */
static struct bitmap *free_map;
static struct inode *free_map_inode;

/* Returns the size of the on-disk map, in bytes. */
static off_t
free_map_file_size (void)
{
  return DIV_ROUND_UP (bitmap_size (free_map), FREE_MAP_BYTE_BITS);
}

/* Creates the in-memory map for the file-system partition, with only
   the free map's and the root directory's inode sectors in use.
   Returns false, with a message, if the partition is too small to
   hold them or memory is short.  Called by filesys_init; replaces the
   map of an earlier mount. */
bool
free_map_init (void)
{
  bitmap_destroy (free_map);
  free_map = NULL;
  if (block_size (fs_device) <= ROOT_DIR_SECTOR)
    {
      printf ("filesys: the file-system partition has only %"PRDSNu
              " sector(s).\n", block_size (fs_device));
      return false;
    }
  free_map = bitmap_create (block_size (fs_device));
  if (free_map == NULL)
    {
      printf ("filesys: no memory for the free map.\n");
      return false;
    }
  bitmap_mark (free_map, FREE_MAP_SECTOR);
  bitmap_mark (free_map, ROOT_DIR_SECTOR);
  return true;
}

/* Fills BYTES with the CNT bytes of the on-disk map from byte FIRST. */
static void
free_map_pack (size_t first, uint8_t *bytes, size_t cnt)
{
  size_t i;

  for (i = 0; i < cnt * FREE_MAP_BYTE_BITS; i++)
    {
      size_t bit = first * FREE_MAP_BYTE_BITS + i;
      if (i % FREE_MAP_BYTE_BITS == 0)
        bytes[i / FREE_MAP_BYTE_BITS] = 0;
      if (bit < bitmap_size (free_map) && bitmap_test (free_map, bit))
        bytes[i / FREE_MAP_BYTE_BITS] |= 1 << (i % FREE_MAP_BYTE_BITS);
    }
}

/* Sets the in-memory map from BYTES, the CNT bytes of the on-disk map
   from byte FIRST. */
static void
free_map_unpack (size_t first, const uint8_t *bytes, size_t cnt)
{
  size_t i;

  for (i = 0; i < cnt * FREE_MAP_BYTE_BITS; i++)
    {
      size_t bit = first * FREE_MAP_BYTE_BITS + i;
      if (bit < bitmap_size (free_map))
        bitmap_set (free_map, bit, bytes[i / FREE_MAP_BYTE_BITS]
                                   & (1 << (i % FREE_MAP_BYTE_BITS)));
    }
}

/* Writes the on-disk bytes that hold the bits of the CNT sectors from
   START, if the map's file is open.  Returns false if a write fell
   short (memory was short). */
static bool
free_map_store (block_sector_t start, size_t cnt)
{
  uint8_t bytes[FREE_MAP_CHUNK];
  size_t first, end, chunk;

  if (free_map_inode == NULL || cnt == 0)
    return true;
  first = start / FREE_MAP_BYTE_BITS;
  end = (start + cnt - 1) / FREE_MAP_BYTE_BITS + 1;
  for (; first < end; first += chunk)
    {
      chunk = end - first < FREE_MAP_CHUNK ? end - first : FREE_MAP_CHUNK;
      free_map_pack (first, bytes, chunk);
      if (inode_write_at (free_map_inode, bytes, chunk, first)
          != (off_t) chunk)
        return false;
    }
  return true;
}

/* Allocates CNT consecutive free sectors and stores the first in
   *SECTORP (0 if CNT is 0, which allocates nothing).  Returns true if
   successful, false if no run of CNT free sectors exists or the map
   could not be written. */
bool
free_map_allocate (size_t cnt, block_sector_t *sectorp)
{
  size_t sector;

  ASSERT (filesys_lock_held ());
  if (cnt == 0)
    {
      *sectorp = 0;
      return true;
    }
  sector = bitmap_scan_and_flip (free_map, 0, cnt, false);
  if (sector == BITMAP_ERROR)
    return false;
  if (!free_map_store (sector, cnt))
    {
      bitmap_set_multiple (free_map, sector, cnt, false);
      return false;
    }
  *sectorp = sector;
  return true;
}

/* Makes the CNT sectors from SECTOR free again.  Sectors already free
   mean the disk's inodes overlap; that is reported, not fatal. */
void
free_map_release (block_sector_t sector, size_t cnt)
{
  ASSERT (filesys_lock_held ());
  if (cnt == 0)
    return;
  if (!bitmap_all (free_map, sector, cnt))
    printf ("filesys: sectors %"PRDSNu"-%"PRDSNu" were partly free already: "
            "two files on this disk share sectors.\n",
            sector, sector + (block_sector_t) cnt - 1);
  bitmap_set_multiple (free_map, sector, cnt, false);
  if (!free_map_store (sector, cnt))
    printf ("filesys: out of memory: sectors %"PRDSNu"-%"PRDSNu
            " stay in use on disk.\n",
            sector, sector + (block_sector_t) cnt - 1);
}

/* Loads the in-memory map from the open free-map file.  Returns false,
   with a message, if the file cannot be read or marks the fixed inode
   sectors free. */
bool
free_map_read (void)
{
  uint8_t bytes[FREE_MAP_CHUNK];
  off_t size = free_map_file_size ();
  off_t first, chunk;

  ASSERT (filesys_lock_held ());
  ASSERT (free_map_inode != NULL);
  for (first = 0; first < size; first += chunk)
    {
      chunk = size - first < FREE_MAP_CHUNK ? size - first : FREE_MAP_CHUNK;
      if (inode_read_at (free_map_inode, bytes, chunk, first) != chunk)
        {
          printf ("filesys: out of memory reading the free map.\n");
          return false;
        }
      free_map_unpack (first, bytes, chunk);
    }
  if (!bitmap_test (free_map, FREE_MAP_SECTOR)
      || !bitmap_test (free_map, ROOT_DIR_SECTOR))
    {
      printf ("filesys: the free map is corrupt: it marks the fixed "
              "inode sectors free.\n");
      return false;
    }
  return true;
}

/* Creates the free-map file on a disk being formatted and writes the
   in-memory map into it, leaving it open.  Returns false if the
   partition has no room for it or memory is short. */
bool
free_map_create (void)
{
  ASSERT (filesys_lock_held ());
  if (!inode_create (FREE_MAP_SECTOR, free_map_file_size ()))
    {
      printf ("filesys: no room for the free map on the partition.\n");
      return false;
    }
  free_map_inode = inode_open (FREE_MAP_SECTOR);
  if (free_map_inode == NULL)
    return false;
  if (!free_map_store (0, bitmap_size (free_map)))
    {
      printf ("filesys: out of memory writing the free map.\n");
      return false;
    }
  return true;
}

/* Opens the free-map file of the disk and loads the map from it.
   Returns false, with a message, if it is missing, corrupt or made
   for a partition of another size; the file is then closed. */
bool
free_map_open (void)
{
  ASSERT (filesys_lock_held ());
  ASSERT (free_map_inode == NULL);
  free_map_inode = inode_open (FREE_MAP_SECTOR);
  if (free_map_inode == NULL)
    return false;
  if (inode_length (free_map_inode) != free_map_file_size ())
    printf ("filesys: the free map is %"PROTd" bytes, but a partition of "
            "%"PRDSNu" sectors needs %"PROTd": this is not a file system "
            "for this partition.\n", inode_length (free_map_inode),
            block_size (fs_device), free_map_file_size ());
  else if (free_map_read ())
    return true;
  free_map_close ();
  return false;
}

/* Closes the free-map file, if open.  The map in memory stays. */
void
free_map_close (void)
{
  ASSERT (filesys_lock_held ());
  inode_close (free_map_inode);
  free_map_inode = NULL;
}

/* Returns the number of free sectors, 0 if there is no map. */
size_t
free_map_free_count (void)
{
  if (free_map == NULL)
    return 0;
  return bitmap_count (free_map, 0, bitmap_size (free_map), false);
}
