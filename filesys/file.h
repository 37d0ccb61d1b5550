/* Open files: one opener's handle on a file, with its own position
   and its own right to deny writes.  Every function here takes the
   file-system lock itself (see filesys.h), so it must be called
   without holding it; any of them may sleep.  A struct file belongs
   to one thread at a time: two threads must not share one handle
   without a lock of their own. */
#ifndef FILESYS_FILE_H
#define FILESYS_FILE_H

#include <stdbool.h>
#include "filesys/off_t.h"

struct inode;
struct file;

/* Handles: made from an inode or from another handle, then closed. */
struct file *file_open (struct inode *);
struct file *file_reopen (struct file *);
struct inode *file_get_inode (struct file *);
void file_close (struct file *);

/* Data at the handle's position, which moves past what was moved... */
off_t file_read (struct file *, void *, off_t);
off_t file_write (struct file *, const void *, off_t);

/* ...or at an explicit offset, leaving the position alone. */
off_t file_read_at (struct file *, void *, off_t size, off_t start);
off_t file_write_at (struct file *, const void *, off_t size, off_t start);

/* The position, and the file's length. */
off_t file_tell (struct file *);
void file_seek (struct file *, off_t);
off_t file_length (struct file *);

/* Keeping everyone from writing, e.g. to a running program. */
void file_deny_write (struct file *);
void file_allow_write (struct file *);

#endif /* filesys/file.h */
