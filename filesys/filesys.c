/* The base file system's top: finds and formats the file-system
   partition at boot, mounts it (free map and root directory), and
   creates, opens and removes files by name under the file-system
   lock.  A missing, unformatted or corrupt partition leaves the file
   system unavailable, with a message: every call then fails. */

#include "filesys/filesys.h"
#include <stdio.h>
#include <debug.h>
#include "filesys/inode.h"
#include "filesys/directory.h"
#include "filesys/free-map.h"
#include "filesys/file.h"
#include "devices/block.h"
#include "threads/synch.h"

/* Files the root directory has room for. */
#define ROOT_DIR_ENTRIES 64

struct block *fs_device;

/* Serialises every use of the file system (see filesys.h). */
static struct lock filesys_lock;

/* True while a sound file system is mounted. */
static bool filesys_mounted;

static bool filesys_mount (bool format);

/* Initializes the file system on the partition with the file-system
   role, formatting it first if FORMAT.  If there is no such
   partition, or it holds no sound file system, says so and leaves the
   file system unavailable.  Called by the boot sequence, and again
   after filesys_done to mount the disk anew. */
void
filesys_init (bool format)
{
  lock_init (&filesys_lock);
  inode_init ();
  fs_device = block_get_role (BLOCK_FILESYS);
  if (fs_device == NULL)
    {
      printf ("filesys: no file-system partition (the launcher adds one "
              "with --filesys-size or --disk): no file system.\n");
      return;
    }

  filesys_lock_acquire ();
  filesys_mounted = filesys_mount (format);
  filesys_lock_release ();
  if (!filesys_mounted)
    printf ("filesys: no usable file system on %s%s.\n",
            block_name (fs_device),
            format ? "" : " (format it with -f)");
}

/* Writes an empty file system to the partition: the free map and a
   root directory with ROOT_DIR_ENTRIES free entries.  Returns true
   if successful. */
static bool
filesys_format (void)
{
  bool ok;

  printf ("Formatting file system on %s...\n", block_name (fs_device));
  ok = free_map_create () && dir_create (ROOT_DIR_SECTOR, ROOT_DIR_ENTRIES);
  free_map_close ();
  printf (ok ? "Formatting done.\n" : "Formatting failed.\n");
  return ok;
}

/* Formats the partition if FORMAT, then loads its free map and checks
   its root directory.  Returns true if the file system is usable. */
static bool
filesys_mount (bool format)
{
  struct dir *root;

  if (!free_map_init () || (format && !filesys_format ())
      || !free_map_open ())
    return false;
  root = dir_open_root ();
  if (root == NULL)
    {
      free_map_close ();
      return false;
    }
  dir_close (root);
  return true;
}

/* Shuts the file system down: after this every call fails.  Every
   change is on disk already.  Called by the boot sequence. */
void
filesys_done (void)
{
  if (fs_device == NULL)
    return;
  filesys_lock_acquire ();
  if (filesys_mounted)
    free_map_close ();
  filesys_mounted = false;
  filesys_lock_release ();
}

/* Opens the root directory of the mounted file system.  Returns NULL
   if no file system is mounted, the root is corrupt (reported) or
   memory is short.  The caller holds the file-system lock. */
struct dir *
filesys_open_root (void)
{
  return filesys_mounted ? dir_open_root () : NULL;
}

/* Creates a file called NAME in DIR holding SIZE zero bytes.  Returns
   true if successful, false if NAME is invalid or taken, DIR is full,
   the disk has no room or memory is short. */
static bool
filesys_create_in (struct dir *dir, const char *name, off_t size)
{
  block_sector_t sector;
  struct inode *inode;

  if (!free_map_allocate (1, &sector))
    return false;
  if (!inode_create (sector, size))
    {
      free_map_release (sector, 1);
      return false;
    }
  if (dir_add (dir, name, sector))
    return true;

  /* Removing the nameless new file frees its inode and data. */
  inode = inode_open (sector);
  if (inode != NULL)
    {
      inode_remove (inode);
      inode_close (inode);
    }
  else
    printf ("filesys: out of memory: the sectors of a file that could "
            "not be named stay in use.\n");
  return false;
}

/* Takes the file-system lock and opens the root directory for one
   by-name operation.  Returns the root, or NULL (the lock still
   held) if it cannot be opened.  Pair with filesys_leave. */
static struct dir *
filesys_enter (void)
{
  filesys_lock_acquire ();
  return filesys_open_root ();
}

/* Ends what filesys_enter began: closes ROOT (NULL is fine) and
   releases the file-system lock. */
static void
filesys_leave (struct dir *root)
{
  dir_close (root);
  filesys_lock_release ();
}

/* Creates a file called NAME holding INITIAL_SIZE zero bytes; its
   size never changes.  Returns true if successful, false if NAME is
   empty, longer than NAME_MAX, contains '/' or is taken, INITIAL_SIZE
   is negative, the directory or the disk is full, there is no file
   system or memory is short. */
bool
filesys_create (const char *name, off_t initial_size)
{
  struct dir *root;
  bool created;

  ASSERT (name != NULL);
  root = filesys_enter ();
  created = root != NULL && filesys_create_in (root, name, initial_size);
  filesys_leave (root);
  return created;
}

/* Returns a new handle (see file.h) on the file called NAME, or NULL
   when no file has that name, its inode is corrupt (reported), no
   file system is mounted or memory runs short. */
struct file *
filesys_open (const char *name)
{
  struct inode *found = NULL;
  struct dir *root;

  ASSERT (name != NULL);
  root = filesys_enter ();
  if (root != NULL)
    dir_lookup (root, name, &found);
  filesys_leave (root);
  return file_open (found);
}

/* Takes the name NAME out of the root directory.  Handles already
   open on the file keep working; the file's sectors return to the
   free map when the last of them is closed.  Returns false if no
   file has that name, it is corrupt (reported), no file system is
   mounted or memory runs short; true otherwise. */
bool
filesys_remove (const char *name)
{
  struct dir *root;
  bool removed;

  ASSERT (name != NULL);
  root = filesys_enter ();
  removed = root != NULL && dir_remove (root, name);
  filesys_leave (root);
  return removed;
}

/* Acquires the file-system lock.  Must not be held already.  May
   sleep. */
void
filesys_lock_acquire (void)
{
  lock_acquire (&filesys_lock);
}

/* Releases the file-system lock, which the caller holds. */
void
filesys_lock_release (void)
{
  lock_release (&filesys_lock);
}

/* Returns true if the running thread holds the file-system lock. */
bool
filesys_lock_held (void)
{
  return lock_held_by_current_thread (&filesys_lock);
}
