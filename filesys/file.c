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
    off_t cursor;               /* Byte the next file_read/write uses. */
    bool denying;               /* Holding one of the inode's write denials? */
    struct inode *node;         /* The file, shared by all openers. */
  };

/* Calls inode_close (NODE) under the file-system lock. */
static void
file_close_inode (struct inode *node)
{
  filesys_lock_acquire ();
  inode_close (node);
  filesys_lock_release ();
}

/* Returns a new handle on NODE, an inode the caller opened and now
   hands over, positioned at byte 0 and denying nothing.  If NODE is
   NULL, or memory for the handle is short (then NODE is closed),
   returns NULL. */
struct file *
file_open (struct inode *node)
{
  struct file *handle;

  if (node == NULL)
    return NULL;
  handle = malloc (sizeof *handle);
  if (handle == NULL)
    {
      file_close_inode (node);
      return NULL;
    }
  *handle = (struct file) { .cursor = 0, .denying = false, .node = node };
  return handle;
}

/* Returns a fresh handle on the file FILE is open on: its own
   position 0, no write denial.  NULL if memory is short. */
struct file *
file_reopen (struct file *file)
{
  struct inode *node;

  ASSERT (file != NULL);
  filesys_lock_acquire ();
  node = inode_reopen (file->node);
  filesys_lock_release ();
  return file_open (node);
}

/* Returns the inode FILE is open on; FILE keeps its hold on it. */
struct inode *
file_get_inode (struct file *file)
{
  ASSERT (file != NULL);
  return file->node;
}

/* Drops handle FILE (NULL is ignored): withdraws its write denial,
   if any, and its hold on the inode, then frees it. */
void
file_close (struct file *file)
{
  if (file == NULL)
    return;
  file_allow_write (file);
  file_close_inode (file->node);
  free (file);
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
               ? inode_write_at (file->node, bounce, piece, offset + done)
               : inode_read_at (file->node, bounce, piece, offset + done));
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
  off_t bytes = file_read_at (file, buffer, size, file->cursor);

  file->cursor += bytes;
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
  off_t bytes = file_write_at (file, buffer, size, file->cursor);

  file->cursor += bytes;
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

/* Makes handle FILE hold a write denial on its inode if DENY, or
   hold none if not; a handle holds at most one, so asking for the
   state it is already in changes nothing. */
static void
file_set_denial (struct file *file, bool deny)
{
  ASSERT (file != NULL);
  if (file->denying == deny)
    return;
  filesys_lock_acquire ();
  if (deny)
    inode_deny_write (file->node);
  else
    inode_allow_write (file->node);
  filesys_lock_release ();
  file->denying = deny;
}

/* Makes every write to FILE's file, through any handle, fail until
   this handle allows writes again or is closed. */
void
file_deny_write (struct file *file)
{
  file_set_denial (file, true);
}

/* Withdraws the write denial this handle made, if it made one; the
   file is writable again once no handle denies writes. */
void
file_allow_write (struct file *file)
{
  file_set_denial (file, false);
}

/* Moves FILE's position to byte POSITION.  Any value is accepted:
   from a position at or past the end, or a negative one, reads and
   writes move nothing. */
void
file_seek (struct file *file, off_t position)
{
  ASSERT (file != NULL);
  file->cursor = position;
}

/* Returns the byte offset HANDLE's next read or write starts at. */
off_t
file_tell (struct file *handle)
{
  ASSERT (handle != NULL);
  return handle->cursor;
}

/* Returns the current size of FILE's file in bytes. */
off_t
file_length (struct file *file)
{
  off_t bytes;

  ASSERT (file != NULL);
  filesys_lock_acquire ();
  bytes = inode_length (file->node);
  filesys_lock_release ();
  return bytes;
}
