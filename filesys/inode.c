/* Inodes of the base file system.  A file is one inode sector and
   one contiguous extent of data sectors, allocated in full when the
   file is created: a file never grows, and a write past its end comes
   back short.  Every opener of a file shares one struct inode, which
   counts its openers, remembers a pending removal (a removed file's
   sectors are freed when its last opener closes it) and counts the
   openers that deny writes.  An inode read from disk is checked
   before it is used, so a corrupted disk makes inode_open fail with a
   message instead of sending the block layer out of range. */

#include "filesys/inode.h"
#include <debug.h>
#include <list.h>
#include <round.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "filesys/filesys.h"
#include "filesys/free-map.h"
#include "threads/malloc.h"

/* Marks a sector that holds an inode: "RNOD" as little-endian bytes. */
#define INODE_MAGIC 0x444f4e52u

/* An inode as stored in its sector. */
struct inode_disk
  {
    uint32_t magic;             /* +0  INODE_MAGIC. */
    block_sector_t start;       /* +4  First sector of the data extent
                                       (0 if the file is empty). */
    off_t length;               /* +8  File size in bytes; the extent is
                                       exactly long enough for it. */
    uint8_t unused[500];        /* +12 Zero. */
  };
_Static_assert (sizeof (struct inode_disk) == BLOCK_SECTOR_SIZE,
                "an on-disk inode must fill one sector");

/* The in-memory side of an open file, one per file however many
   openers it has. */
struct inode
  {
    block_sector_t home;        /* Sector of the on-disk inode. */
    block_sector_t start;       /* First sector of the data extent. */
    off_t length;               /* Bytes of data. */
    int openers;                /* inode_open/reopen calls not yet closed. */
    int write_denials;          /* Openers that forbid writing; 0: none. */
    bool doomed;                /* Removed: release sectors at last close. */
    struct list_elem open_elem; /* In inode_open_list. */
  };

/* Every open inode, so that opening a sector twice gives the same
   struct inode. */
static struct list inode_open_list;

/* Returns the number of sectors that hold SIZE bytes. */
static size_t
inode_bytes_to_sectors (off_t size)
{
  return DIV_ROUND_UP (size, BLOCK_SECTOR_SIZE);
}

/* Initializes the inode module.  Called by filesys_init, with no
   inode open. */
void
inode_init (void)
{
  list_init (&inode_open_list);
}

/* Writes a zeroed sector over each of the CNT sectors from START.
   Returns false if memory is short. */
static bool
inode_zero_sectors (block_sector_t start, size_t cnt)
{
  void *zeros = calloc (1, BLOCK_SECTOR_SIZE);
  size_t i;

  if (zeros == NULL)
    return false;
  for (i = 0; i < cnt; i++)
    block_write (fs_device, start + i, zeros);
  free (zeros);
  return true;
}

/* Creates a file of LENGTH bytes, all zero, with its inode in SECTOR
   (which the caller has allocated) and its data in a new extent.
   Returns true if successful, false if LENGTH is negative, the disk
   has no run of free sectors long enough, or memory is short; then
   nothing is allocated and SECTOR is left as it was. */
bool
inode_create (block_sector_t sector, off_t length)
{
  struct inode_disk *disk;
  size_t sectors;
  bool ok = false;

  ASSERT (filesys_lock_held ());
  if (length < 0)
    return false;
  disk = calloc (1, sizeof *disk);
  if (disk == NULL)
    return false;
  sectors = inode_bytes_to_sectors (length);
  disk->magic = INODE_MAGIC;
  disk->length = length;
  if (free_map_allocate (sectors, &disk->start))
    {
      ok = inode_zero_sectors (disk->start, sectors);
      if (ok)
        block_write (fs_device, sector, disk);
      else
        free_map_release (disk->start, sectors);
    }
  free (disk);
  return ok;
}

/* Returns why DISK, read from SECTOR, is not a sound inode for a
   device of DEVICE_SIZE sectors, or NULL if it is. */
static const char *
inode_disk_check (const struct inode_disk *disk, block_sector_t sector,
                  block_sector_t device_size)
{
  size_t sectors;

  if (disk->magic != INODE_MAGIC)
    return "bad magic number";
  if (disk->length < 0)
    return "negative length";
  sectors = inode_bytes_to_sectors (disk->length);
  if (sectors == 0)
    return NULL;
  if (disk->start <= ROOT_DIR_SECTOR)
    return "data extent covers the file system's fixed inodes";
  if (disk->start > device_size || sectors > device_size - disk->start)
    return "data extent runs past the end of the partition";
  if (sector >= disk->start && sector < disk->start + sectors)
    return "data extent overlaps the inode";
  return NULL;
}

/* Reads the inode in SECTOR into a new struct inode, checking it.
   Returns it with one opener, or NULL (having said why, if the disk
   is at fault) if the inode is unsound or memory is short. */
static struct inode *
inode_load (block_sector_t sector)
{
  struct inode_disk *disk = malloc (sizeof *disk);
  struct inode *inode = calloc (1, sizeof *inode);
  const char *problem = NULL;

  if (disk == NULL || inode == NULL)
    goto fail;
  block_read (fs_device, sector, disk);
  problem = inode_disk_check (disk, sector, block_size (fs_device));
  if (problem != NULL)
    {
      printf ("filesys: inode in sector %"PRDSNu" is corrupt (%s): "
              "the file cannot be opened.\n", sector, problem);
      goto fail;
    }
  *inode = (struct inode) { .home = sector, .start = disk->start,
                            .length = disk->length, .openers = 1 };
  free (disk);
  return inode;

 fail:
  free (disk);
  free (inode);
  return NULL;
}

/* Returns the struct inode already open for SECTOR, or NULL if
   nobody has that inode open. */
static struct inode *
inode_find_open (block_sector_t sector)
{
  struct list_elem *e = list_begin (&inode_open_list);

  for (; e != list_end (&inode_open_list); e = list_next (e))
    {
      struct inode *candidate = list_entry (e, struct inode, open_elem);
      if (candidate->home == sector)
        return candidate;
    }
  return NULL;
}

/* Returns the inode in SECTOR, opened once more: the struct inode its
   other openers share if it is open, otherwise one read from disk.
   Returns NULL if SECTOR is outside the file system, the inode there
   is corrupt (a message says so) or memory is short. */
struct inode *
inode_open (block_sector_t sector)
{
  struct inode *shared, *loaded;

  ASSERT (filesys_lock_held ());
  ASSERT (fs_device != NULL);
  shared = inode_find_open (sector);
  if (shared != NULL)
    return inode_reopen (shared);
  if (sector >= block_size (fs_device))
    {
      printf ("filesys: inode sector %"PRDSNu" is outside the partition.\n",
              sector);
      return NULL;
    }
  loaded = inode_load (sector);
  if (loaded != NULL)
    list_push_front (&inode_open_list, &loaded->open_elem);
  return loaded;
}

/* Counts one more opener of INODE and returns INODE.  A null INODE
   is passed through unchanged, so that a failed open can be
   reopened without a check. */
struct inode *
inode_reopen (struct inode *inode)
{
  ASSERT (filesys_lock_held ());
  if (inode == NULL)
    return NULL;
  ASSERT (inode->openers > 0);
  inode->openers += 1;
  return inode;
}

/* Marks INODE to be deleted when its last opener closes it.  Its
   openers can go on reading and writing it until then. */
void
inode_remove (struct inode *inode)
{
  ASSERT (filesys_lock_held ());
  ASSERT (inode != NULL);
  inode->doomed = true;
}

/* Gives the sectors of removed file INODE, the inode's own and its
   data extent, back to the free map. */
static void
inode_release_sectors (const struct inode *inode)
{
  free_map_release (inode->start, inode_bytes_to_sectors (inode->length));
  free_map_release (inode->home, 1);
}

/* Drops one opener of INODE (NULL is allowed and ignored).  When no
   opener is left the struct inode goes away, together with the
   file's sectors if it was removed meanwhile. */
void
inode_close (struct inode *inode)
{
  ASSERT (filesys_lock_held ());
  if (inode == NULL)
    return;
  ASSERT (inode->openers > 0);
  inode->openers -= 1;
  if (inode->openers != 0)
    return;
  list_remove (&inode->open_elem);
  if (inode->doomed)
    inode_release_sectors (inode);
  free (inode);
}

/* Returns the data sector of INODE that holds byte OFFSET, which must
   lie inside the file. */
static block_sector_t
inode_byte_to_sector (const struct inode *inode, off_t offset)
{
  ASSERT (offset >= 0 && offset < inode->length);
  return inode->start + offset / BLOCK_SECTOR_SIZE;
}

/* Returns how many of SIZE bytes from OFFSET lie inside INODE's data
   and its current sector: at most up to the end of that sector and
   to the end of the file.  0 if OFFSET is outside the file. */
static off_t
inode_chunk_size (const struct inode *inode, off_t size, off_t offset)
{
  off_t in_file, in_sector;

  if (offset < 0 || offset >= inode->length || size <= 0)
    return 0;
  in_file = inode->length - offset;
  in_sector = BLOCK_SECTOR_SIZE - offset % BLOCK_SECTOR_SIZE;
  if (size > in_file)
    size = in_file;
  return size < in_sector ? size : in_sector;
}

/* Moves one CHUNK-byte piece of data between BUFFER and data sector
   SECTOR, at byte SECTOR_OFS within it: into SECTOR if WRITE, out of
   it otherwise.  A piece smaller than a sector goes through BOUNCE,
   a sector-sized buffer. */
static void
inode_move_chunk (block_sector_t sector, off_t sector_ofs, uint8_t *buffer,
                  off_t chunk, uint8_t *bounce, bool write)
{
  if (chunk == BLOCK_SECTOR_SIZE)
    {
      if (write)
        block_write (fs_device, sector, buffer);
      else
        block_read (fs_device, sector, buffer);
      return;
    }
  block_read (fs_device, sector, bounce);
  if (write)
    {
      memcpy (bounce + sector_ofs, buffer, chunk);
      block_write (fs_device, sector, bounce);
    }
  else
    memcpy (buffer, bounce + sector_ofs, chunk);
}

/* Moves up to SIZE bytes between BUFFER, a kernel buffer, and
   INODE's data from byte OFFSET on: into the file if WRITE, out of it
   otherwise.  Returns the number of bytes moved, which is less than
   SIZE at the end of the file (0 for a negative SIZE or OFFSET) or if
   memory for a bounce buffer is short. */
static off_t
inode_io (struct inode *inode, uint8_t *buffer, off_t size, off_t offset,
          bool write)
{
  uint8_t *bounce = NULL;
  off_t done = 0;
  off_t chunk;

  while ((chunk = inode_chunk_size (inode, size - done, offset)) > 0)
    {
      if (chunk < BLOCK_SECTOR_SIZE && bounce == NULL)
        {
          bounce = malloc (BLOCK_SECTOR_SIZE);
          if (bounce == NULL)
            break;
        }
      inode_move_chunk (inode_byte_to_sector (inode, offset),
                        offset % BLOCK_SECTOR_SIZE, buffer + done, chunk,
                        bounce, write);
      done += chunk;
      offset += chunk;
    }
  free (bounce);
  return done;
}

/* Reads up to SIZE bytes of INODE from byte OFFSET into BUFFER, a
   kernel buffer.  Returns the number of bytes read, which is less
   than SIZE at the end of the file (0 for a negative SIZE or OFFSET)
   or if memory for a partial sector is short. */
off_t
inode_read_at (struct inode *inode, void *buffer, off_t size, off_t offset)
{
  ASSERT (filesys_lock_held ());
  return inode_io (inode, buffer, size, offset, false);
}

/* Writes up to SIZE bytes from BUFFER, a kernel buffer, into INODE
   from byte OFFSET.  Returns the number of bytes written: 0 while
   writes are denied, fewer than SIZE at the end of the file (files do
   not grow) or if memory for a partial sector is short. */
off_t
inode_write_at (struct inode *inode, const void *buffer, off_t size,
                off_t offset)
{
  ASSERT (filesys_lock_held ());
  if (inode->write_denials > 0)
    return 0;
  return inode_io (inode, (uint8_t *) buffer, size, offset, true);
}

/* Adds DELTA (+1 or -1) to the number of INODE's openers that forbid
   writing, which always stays between 0 and the number of openers:
   an opener denies at most once and allows only after denying. */
static void
inode_adjust_denials (struct inode *inode, int delta)
{
  int denials = inode->write_denials + delta;

  ASSERT (filesys_lock_held ());
  ASSERT (denials >= 0 && denials <= inode->openers);
  inode->write_denials = denials;
}

/* Forbids writes to INODE on behalf of one opener, until that opener
   calls inode_allow_write (which it must do before closing). */
void
inode_deny_write (struct inode *inode)
{
  inode_adjust_denials (inode, +1);
}

/* Withdraws the denial one opener of INODE made with
   inode_deny_write; writes resume once no denial is left. */
void
inode_allow_write (struct inode *inode)
{
  inode_adjust_denials (inode, -1);
}

/* Returns the length of INODE's data, in bytes. */
off_t
inode_length (const struct inode *inode)
{
  return inode->length;
}

/* Returns the inode number of INODE: the sector of its on-disk
   inode. */
block_sector_t
inode_get_inumber (const struct inode *inode)
{
  return inode->home;
}
