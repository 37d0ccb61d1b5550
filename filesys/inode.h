/* Inodes: the files of the base file system, each an on-disk inode
   sector naming one contiguous run of data sectors fixed when the
   file is created, plus the in-memory record every opener of a file
   shares.

   Every function here must be called with the file-system lock held
   (filesys_lock_acquire); the file_ and filesys_ functions take it
   for their callers.  Any of them may sleep (disk I/O). */
#ifndef FILESYS_INODE_H
#define FILESYS_INODE_H

#include "devices/block.h"
#include "filesys/off_t.h"
#include <stdbool.h>

struct inode;

/* A file's life: made, opened (once per opener), removed, closed. */
bool inode_create (block_sector_t, off_t);
struct inode *inode_open (block_sector_t);
struct inode *inode_reopen (struct inode *);
void inode_remove (struct inode *);
void inode_close (struct inode *);

/* Module set-up, at mount time. */
void inode_init (void);

/* What a file is. */
block_sector_t inode_get_inumber (const struct inode *);
off_t inode_length (const struct inode *);

/* Its data. */
off_t inode_read_at (struct inode *, void *, off_t size, off_t offset);
off_t inode_write_at (struct inode *, const void *, off_t size, off_t offset);
void inode_allow_write (struct inode *);
void inode_deny_write (struct inode *);

#endif /* filesys/inode.h */
