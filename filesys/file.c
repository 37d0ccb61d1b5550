/* Open files: a position and a write-denial flag on top of an inode.
   Data moves between the caller's buffer and the inode through a
   kernel bounce buffer, a piece at a time: the file-system lock is
   held while a piece moves between the bounce buffer and the disk,
   and released while it moves to or from the caller's buffer, so a
   page fault on that buffer never happens under the lock. */

#include "filesys/file.h"
#include <debug.h>
#include <stdint.h>
#include <string.h>
#include "devices/block.h"
#include "filesys/filesys.h"
#include "filesys/inode.h"
#include "threads/malloc.h"

/* Size of the bounce buffer: the most bytes moved per lock hold. */
#define FILE_BOUNCE_SIZE (4 * BLOCK_SECTOR_SIZE)

/* An opener's handle on a file. */
struct file
  {
    struct inode *inode;        /* The file. */
    off_t pos;                  /* Position of the next read or write. */
    bool deny_write;            /* Has this handle denied writes? */
  };

/* Opens a handle on INODE, taking over the caller's opening of it.
   Returns the handle, or NULL (closing INODE) if INODE is NULL or
   memory is short. */
struct file *
file_open (struct inode *inode)
{
  struct file *file;

  if (inode == NULL)
    return NULL;
  file = malloc (sizeof *file);
  if (file == NULL)
    {
      filesys_lock_acquire ();
      inode_close (inode);
      filesys_lock_release ();
      return NULL;
    }
  file->inode = inode;
  file->pos = 0;
  file->deny_write = false;
  return file;
}

/* Opens a new handle on FILE's file, at position 0 and not denying
   writes.  Returns NULL if memory is short. */
struct file *
file_reopen (struct file *file)
{
  struct inode *inode;

  ASSERT (file != NULL);
  filesys_lock_acquire ();
  inode = inode_reopen (file->inode);
  filesys_lock_release ();
  return file_open (inode);
}

/* Closes FILE, which may be NULL, lifting its denial of writes. */
void
file_close (struct file *file)
{
  if (file == NULL)
    return;
  filesys_lock_acquire ();
  if (file->deny_write)
    inode_allow_write (file->inode);
  inode_close (file->inode);
  filesys_lock_release ();
  free (file);
}

/* Returns the inode of FILE. */
struct inode *
file_get_inode (struct file *file)
{
  ASSERT (file != NULL);
  return file->inode;
}

/* Returns how many bytes the next piece of a transfer at OFFSET with
   LEFT bytes to go moves: at most a bounce buffer's worth, ending on
   a sector boundary when it can, so that later pieces are aligned. */
static off_t
file_piece_size (off_t left, off_t offset)
{
  off_t room = FILE_BOUNCE_SIZE - offset % BLOCK_SECTOR_SIZE;

  if (offset < 0)
    room = FILE_BOUNCE_SIZE;
  return left < room ? left : room;
}

/* Moves up to SIZE bytes between BUFFER and FILE's data from byte
   OFFSET on: into the file if WRITE, out of it otherwise.  Returns
   the number of bytes moved (see file_read_at and file_write_at). */
static off_t
file_transfer (struct file *file, uint8_t *buffer, off_t size, off_t offset,
               bool write)
{
  uint8_t *bounce;
  off_t done = 0;

  ASSERT (file != NULL);
  if (size <= 0 || (bounce = malloc (FILE_BOUNCE_SIZE)) == NULL)
    return 0;
  while (done < size)
    {
      off_t piece = file_piece_size (size - done, offset + done);
      off_t moved;

      if (write)
        memcpy (bounce, buffer + done, piece);
      filesys_lock_acquire ();
      moved = (write
               ? inode_write_at (file->inode, bounce, piece, offset + done)
               : inode_read_at (file->inode, bounce, piece, offset + done));
      filesys_lock_release ();
      if (!write)
        memcpy (buffer + done, bounce, moved);
      done += moved;
      if (moved < piece)
        break;
    }
  free (bounce);
  return done;
}

/* Reads up to SIZE bytes of FILE into BUFFER from the file position,
   and advances the position by the bytes read.  Returns that number:
   less than SIZE at the end of the file or if memory is short. */
off_t
file_read (struct file *file, void *buffer, off_t size)
{
  off_t bytes = file_read_at (file, buffer, size, file->pos);

  file->pos += bytes;
  return bytes;
}

/* Reads up to SIZE bytes of FILE into BUFFER from byte START, leaving
   the file position alone.  Returns the number of bytes read: less
   than SIZE at the end of the file or if memory is short, 0 if SIZE
   or START is negative. */
off_t
file_read_at (struct file *file, void *buffer, off_t size, off_t start)
{
  return file_transfer (file, buffer, size, start, false);
}

/* Writes up to SIZE bytes from BUFFER into FILE at the file position,
   and advances the position by the bytes written.  Returns that
   number: less than SIZE at the end of the file (files do not grow)
   or if memory is short, 0 while writes are denied. */
off_t
file_write (struct file *file, const void *buffer, off_t size)
{
  off_t bytes = file_write_at (file, buffer, size, file->pos);

  file->pos += bytes;
  return bytes;
}

/* Writes up to SIZE bytes from BUFFER into FILE from byte START,
   leaving the file position alone.  Returns the number of bytes
   written: less than SIZE at the end of the file or if memory is
   short, 0 while writes are denied or if SIZE or START is negative. */
off_t
file_write_at (struct file *file, const void *buffer, off_t size, off_t start)
{
  return file_transfer (file, (uint8_t *) buffer, size, start, true);
}

/* Denies writes to FILE's file, through every handle, until this
   handle calls file_allow_write or is closed.  Denying twice through
   one handle counts once. */
void
file_deny_write (struct file *file)
{
  ASSERT (file != NULL);
  if (file->deny_write)
    return;
  file->deny_write = true;
  filesys_lock_acquire ();
  inode_deny_write (file->inode);
  filesys_lock_release ();
}

/* Lifts this handle's denial of writes to FILE's file, if it denied
   them.  Writes succeed again once no handle denies them. */
void
file_allow_write (struct file *file)
{
  ASSERT (file != NULL);
  if (!file->deny_write)
    return;
  file->deny_write = false;
  filesys_lock_acquire ();
  inode_allow_write (file->inode);
  filesys_lock_release ();
}

/* Sets FILE's position to NEW_POS bytes from the start.  A position
   at or past the end, or negative, reads and writes nothing. */
void
file_seek (struct file *file, off_t new_pos)
{
  ASSERT (file != NULL);
  file->pos = new_pos;
}

/* Returns FILE's position, in bytes from the start. */
off_t
file_tell (struct file *file)
{
  ASSERT (file != NULL);
  return file->pos;
}

/* Returns the size of FILE's file, in bytes. */
off_t
file_length (struct file *file)
{
  off_t length;

  ASSERT (file != NULL);
  filesys_lock_acquire ();
  length = inode_length (file->inode);
  filesys_lock_release ();
  return length;
}
