/* The base file system: one root directory of files on the
   file-system partition, created, opened and removed by name.

   Locking: the file system has one lock, and callers outside
   filesys/ never see it.  filesys_create, filesys_open,
   filesys_remove and every file_ function (file.h) take it
   themselves, so any thread may call them at any time without a lock
   of its own; they must not be called with it held.  They touch a
   caller's buffer only while not holding it, so a page fault on that
   buffer may itself use the file system.  The lower layers (inode.h,
   directory.h, free-map.h) expect it held: code inside filesys/ that
   calls them takes it with filesys_lock_acquire, and they assert it.
   Any of these functions may sleep. */
#ifndef FILESYS_FILESYS_H
#define FILESYS_FILESYS_H

#include "filesys/off_t.h"
#include <stdbool.h>

struct file;
struct dir;
struct block;

/* Sectors of the two inodes every formatted disk has. */
#define FREE_MAP_SECTOR 0       /* The free-map file. */
#define ROOT_DIR_SECTOR 1       /* The root directory. */

/* The partition the file system lives on, or NULL if there is none. */
extern struct block *fs_device;

/* Start-up and shut-down, called by the boot sequence. */
void filesys_init (bool format);
void filesys_done (void);

/* Files by name. */
struct file *filesys_open (const char *name);
bool filesys_create (const char *name, off_t initial_size);
bool filesys_remove (const char *name);

/* For code inside filesys/, with the file-system lock held: the
   root directory of the mounted file system, or NULL. */
struct dir *filesys_open_root (void);

/* The file-system lock, for code inside filesys/. */
void filesys_lock_acquire (void);
void filesys_lock_release (void);
bool filesys_lock_held (void);

#endif /* filesys/filesys.h */
