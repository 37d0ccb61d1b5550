/* Directories: a directory is a file holding an array of fixed-size
   entries, each naming a file by the sector of its inode.  The base
   file system has one directory, the root, whose size is fixed when
   the disk is formatted.

   Every function here must be called with the file-system lock held
   (filesys_lock_acquire); the filesys_ functions take it for their
   callers.  Any of them may sleep. */
#ifndef FILESYS_DIRECTORY_H
#define FILESYS_DIRECTORY_H

#include <stddef.h>
#include <stdbool.h>
#include "devices/block.h"

/* Longest file name, in characters, not counting its null. */
#define NAME_MAX 14

struct inode;
struct dir;

/* Making a directory, and handles on one. */
bool dir_create (block_sector_t sector, size_t entry_cnt);
struct dir *dir_open_root (void);
struct dir *dir_open (struct inode *);
struct dir *dir_reopen (struct dir *);
struct inode *dir_get_inode (struct dir *);
void dir_close (struct dir *);

/* Its entries. */
bool dir_readdir (struct dir *, char name[NAME_MAX + 1]);
bool dir_lookup (const struct dir *, const char *name, struct inode **);
bool dir_remove (struct dir *, const char *name);
bool dir_add (struct dir *, const char *name, block_sector_t);

#endif /* filesys/directory.h */
