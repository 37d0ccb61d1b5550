/* The file system calls.  Descriptors 0 and 1 are the console
   (keyboard or serial input, and output); the others name files in
   the process's descriptor table.  Data moves between files and user
   buffers through a kernel page, a page at a time, so the file system
   never touches user memory itself and a bad user buffer kills only
   the process: a call frees its page before it kills.  A descriptor
   that names no open file makes a call fail (-1, or no effect), it
   does not kill, whatever the other arguments are. */

#include "userprog/syscall-file.h"
#include <stdint.h>
#include <stdio.h>
#include "devices/input.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "userprog/process.h"
#include "userprog/uaccess.h"

/* Descriptors of the console. */
#define FD_STDIN 0
#define FD_STDOUT 1

/* Result of a call that failed. */
#define SYSCALL_ERROR ((uint32_t) -1)

/* Largest file position or size a file can have. */
#define SYSCALL_OFF_MAX INT32_MAX

/* LAB userprog: file system calls */
/* Returns the file open as FD in the running process, or NULL. */
static struct file *
fd_file (int fd)
{
  return fd_lookup (&process_current ()->fds, fd);
}

/* create (FILE, INITIAL_SIZE): creates FILE.  Returns true on
   success. */
uint32_t
syscall_create (const uint32_t args[])
{
  char *name = syscall_copy_in_string ((const char *) args[0]);
  if (name == NULL)
    return false;
  bool ok = args[1] <= SYSCALL_OFF_MAX && filesys_create (name, args[1]);
  palloc_free_page (name);
  return ok;
}

/* remove (FILE): deletes FILE.  Returns true on success. */
uint32_t
syscall_remove (const uint32_t args[])
{
  char *name = syscall_copy_in_string ((const char *) args[0]);
  if (name == NULL)
    return false;
  bool ok = filesys_remove (name);
  palloc_free_page (name);
  return ok;
}

/* open (FILE): opens FILE.  Returns its new descriptor, or -1. */
uint32_t
syscall_open (const uint32_t args[])
{
  char *name = syscall_copy_in_string ((const char *) args[0]);
  if (name == NULL)
    return SYSCALL_ERROR;
  struct file *file = filesys_open (name);
  palloc_free_page (name);
  if (file == NULL)
    return SYSCALL_ERROR;

  int fd = fd_install (&process_current ()->fds, file);
  if (fd < 0)
    file_close (file);
  return fd;
}

/* filesize (FD): returns the size of FD's file, or -1. */
uint32_t
syscall_filesize (const uint32_t args[])
{
  struct file *file = fd_file (args[0]);
  return file != NULL ? (uint32_t) file_length (file) : SYSCALL_ERROR;
}

/* Reads SIZE bytes from the console into user buffer UBUF, through
   kernel page PAGE, and adds how many reached UBUF to *DONE (console
   reads wait for every byte).  Returns false if part of UBUF is not
   writable. */
static bool
read_console (uint8_t *ubuf, uint32_t size, uint8_t *page, uint32_t *done)
{
  while (*done < size)
    {
      uint32_t chunk = size - *done < PGSIZE ? size - *done : PGSIZE;
      for (uint32_t i = 0; i < chunk; i++)
        page[i] = input_getc ();
      if (!uaccess_write (ubuf + *done, page, chunk))
        return false;
      *done += chunk;
    }
  return true;
}

/* Reads up to SIZE bytes from FILE into user buffer UBUF, through
   kernel page PAGE, stopping at the end of the file, and adds how
   many reached UBUF to *DONE.  Returns false if part of UBUF that a
   read reached is not writable. */
static bool
read_file (struct file *file, uint8_t *ubuf, uint32_t size, uint8_t *page,
           uint32_t *done)
{
  while (*done < size)
    {
      off_t chunk = size - *done < PGSIZE ? size - *done : PGSIZE;
      off_t got = file_read (file, page, chunk);
      if (!uaccess_write (ubuf + *done, page, got))
        return false;
      *done += got;
      if (got < chunk)
        break;
    }
  return true;
}

/* read (FD, BUFFER, SIZE): reads up to SIZE bytes from FD into
   BUFFER.  Returns the bytes read, 0 at end of file, or -1.  Kills
   the process if BUFFER is bad where the data was to go. */
uint32_t
syscall_read (const uint32_t args[])
{
  int fd = args[0];
  uint8_t *ubuf = (uint8_t *) args[1];
  uint32_t size = args[2];
  struct file *file = fd_file (fd);

  if (fd != FD_STDIN && file == NULL)
    return SYSCALL_ERROR;
  uint8_t *page = palloc_get_page (0);
  if (page == NULL)
    return SYSCALL_ERROR;
  uint32_t done = 0;
  bool ok = (fd == FD_STDIN ? read_console (ubuf, size, page, &done)
             : read_file (file, ubuf, size, page, &done));
  palloc_free_page (page);
  if (!ok)
    syscall_kill_bad_buffer (ubuf, size);
  return done;
}

/* Writes SIZE bytes from user buffer UBUF to FILE, or to the console
   if FILE is NULL, through kernel page PAGE, and adds how many were
   written to *DONE: fewer than SIZE if the file could not grow or
   denies writes.  A console write of up to a page reaches the console
   in one piece.  Returns false if part of UBUF that was to be written
   is not readable. */
static bool
write_out (struct file *file, const uint8_t *ubuf, uint32_t size,
           uint8_t *page, uint32_t *done)
{
  while (*done < size)
    {
      off_t chunk = size - *done < PGSIZE ? size - *done : PGSIZE;
      if (!uaccess_read (page, ubuf + *done, chunk))
        return false;
      off_t put = chunk;
      if (file != NULL)
        put = file_write (file, page, chunk);
      else
        putbuf ((const char *) page, chunk);
      *done += put;
      if (put < chunk)
        break;
    }
  return true;
}

/* write (FD, BUFFER, SIZE): writes SIZE bytes from BUFFER to FD.
   Returns the bytes written, or -1.  Kills the process if BUFFER is
   bad where the data was to come from. */
uint32_t
syscall_write (const uint32_t args[])
{
  int fd = args[0];
  const uint8_t *ubuf = (const uint8_t *) args[1];
  uint32_t size = args[2];
  struct file *file = fd_file (fd);

  if (fd != FD_STDOUT && file == NULL)
    return SYSCALL_ERROR;
  uint8_t *page = palloc_get_page (0);
  if (page == NULL)
    return SYSCALL_ERROR;
  uint32_t done = 0;
  bool ok = write_out (file, ubuf, size, page, &done);
  palloc_free_page (page);
  if (!ok)
    syscall_kill_bad_buffer (ubuf, size);
  return done;
}

/* seek (FD, POSITION): moves FD's position to POSITION (at most
   SYSCALL_OFF_MAX). */
uint32_t
syscall_seek (const uint32_t args[])
{
  struct file *file = fd_file (args[0]);
  uint32_t position = args[1];
  if (file != NULL)
    file_seek (file, position < SYSCALL_OFF_MAX ? position : SYSCALL_OFF_MAX);
  return 0;
}

/* tell (FD): returns FD's position, or -1. */
uint32_t
syscall_tell (const uint32_t args[])
{
  struct file *file = fd_file (args[0]);
  return file != NULL ? (uint32_t) file_tell (file) : SYSCALL_ERROR;
}

/* close (FD): closes FD. */
uint32_t
syscall_close (const uint32_t args[])
{
  struct file *file = fd_remove (&process_current ()->fds, args[0]);
  if (file != NULL)
    file_close (file);
  return 0;
}
/* END LAB */
