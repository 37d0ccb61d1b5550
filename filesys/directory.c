/* Directories of the base file system: a directory's data is an
   array of struct dir_entry, free or naming a file.  Every entry read
   from disk is checked before it is believed, so a corrupt entry
   makes the operation fail with a message. */

#include "filesys/directory.h"
#include <debug.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "filesys/filesys.h"
#include "filesys/inode.h"
#include "threads/malloc.h"

/* Values of a directory entry's in_use field. */
#define DIR_ENTRY_FREE 0
#define DIR_ENTRY_USED 1

/* A directory entry as stored on disk. */
struct dir_entry
  {
    block_sector_t inode_sector;        /* +0  Sector of the file's inode. */
    char name[NAME_MAX + 1];            /* +4  Name, null-terminated. */
    uint8_t in_use;                     /* +19 DIR_ENTRY_USED or _FREE. */
    uint8_t unused[12];                 /* +20 Zero. */
  };
_Static_assert (sizeof (struct dir_entry) == 32,
                "a directory entry is 32 bytes on disk");
_Static_assert (BLOCK_SECTOR_SIZE % sizeof (struct dir_entry) == 0,
                "directory entries must not straddle sectors");

/* An open directory. */
struct dir
  {
    struct inode *file;         /* The file holding the entries. */
    off_t next_ofs;             /* Byte dir_readdir looks at next. */
  };

/* What a scan of a directory found. */
enum dir_scan_result
  {
    DIR_SCAN_FOUND,             /* An entry that matches. */
    DIR_SCAN_NONE,              /* No entry matches. */
    DIR_SCAN_ERROR              /* Corrupt entry or no memory (reported). */
  };

/* Formats a new directory of ENTRY_CNT free entries whose inode goes
   in SECTOR, a sector the caller allocated.  Returns false if the
   disk has no room for it or memory is short, true otherwise. */
bool
dir_create (block_sector_t sector, size_t entry_cnt)
{
  off_t bytes;

  ASSERT (entry_cnt <= INT32_MAX / sizeof (struct dir_entry));
  bytes = (off_t) (entry_cnt * sizeof (struct dir_entry));
  return inode_create (sector, bytes);
}

/* Returns true if FILE is long enough to be a whole number of
   directory entries; otherwise says why FILE is not a directory. */
static bool
dir_file_is_sound (struct inode *file)
{
  if (inode_length (file) % sizeof (struct dir_entry) == 0)
    return true;
  printf ("filesys: the file in sector %"PRDSNu" is not a directory: "
          "its length is not a whole number of entries.\n",
          inode_get_inumber (file));
  return false;
}

/* Wraps FILE, an opened inode the caller hands over, in a new
   directory handle reading from the first entry.  On failure (FILE is
   NULL or not a directory, reported, or memory is short) FILE is
   closed and NULL returned. */
struct dir *
dir_open (struct inode *file)
{
  struct dir *handle = NULL;

  if (file == NULL)
    return NULL;
  if (dir_file_is_sound (file))
    handle = malloc (sizeof *handle);
  if (handle == NULL)
    {
      inode_close (file);
      return NULL;
    }
  *handle = (struct dir) { .file = file, .next_ofs = 0 };
  return handle;
}

/* Returns a new handle on the root directory, or NULL if the root
   is corrupt (reported) or memory is short. */
struct dir *
dir_open_root (void)
{
  struct inode *root = inode_open (ROOT_DIR_SECTOR);

  return dir_open (root);
}

/* Returns a second, independent handle on the directory DIR is open
   on, reading from the first entry, or NULL if memory is short. */
struct dir *
dir_reopen (struct dir *dir)
{
  struct inode *again = inode_reopen (dir->file);

  return dir_open (again);
}

/* Returns the inode of the file DIR's entries live in; DIR keeps
   its hold on it. */
struct inode *
dir_get_inode (struct dir *dir)
{
  return dir->file;
}

/* Releases handle DIR and its hold on the directory's file.  A null
   DIR is ignored. */
void
dir_close (struct dir *dir)
{
  if (dir == NULL)
    return;
  inode_close (dir->file);
  free (dir);
}

/* Returns why E, a used entry, is corrupt, or NULL if it is sound. */
static const char *
dir_entry_problem (const struct dir_entry *e)
{
  if (memchr (e->name, '\0', sizeof e->name) == NULL)
    return "name not null-terminated";
  if (e->name[0] == '\0')
    return "empty name";
  if (e->inode_sector <= ROOT_DIR_SECTOR
      || e->inode_sector >= block_size (fs_device))
    return "inode sector out of range";
  return NULL;
}

/* Checks E, read from byte OFS of DIR.  Returns true if it is sound;
   otherwise says what is wrong and returns false. */
static bool
dir_entry_check (const struct dir *dir, const struct dir_entry *e, off_t ofs)
{
  const char *problem;

  if (e->in_use == DIR_ENTRY_FREE)
    return true;
  problem = e->in_use != DIR_ENTRY_USED ? "bad in-use flag"
                                        : dir_entry_problem (e);
  if (problem == NULL)
    return true;
  printf ("filesys: entry %"PROTd" of the directory in sector %"PRDSNu
          " is corrupt (%s).\n", ofs / (off_t) sizeof *e,
          inode_get_inumber (dir->file), problem);
  return false;
}

/* Reads DIR's entries from byte START on into *E until one satisfies
   MATCH (E, AUX), and stores its offset in *OFSP.  Says which it
   found, if any; a corrupt entry or short memory stops the scan with
   DIR_SCAN_ERROR. */
static enum dir_scan_result
dir_scan (const struct dir *dir, off_t start,
          bool (*match) (const struct dir_entry *, const void *aux),
          const void *aux, struct dir_entry *e, off_t *ofsp)
{
  off_t ofs;

  for (ofs = start; ofs < inode_length (dir->file); ofs += sizeof *e)
    {
      if (inode_read_at (dir->file, e, sizeof *e, ofs) != sizeof *e)
        {
          printf ("filesys: out of memory reading a directory.\n");
          return DIR_SCAN_ERROR;
        }
      if (!dir_entry_check (dir, e, ofs))
        return DIR_SCAN_ERROR;
      if (match (e, aux))
        {
          *ofsp = ofs;
          return DIR_SCAN_FOUND;
        }
    }
  return DIR_SCAN_NONE;
}

/* dir_scan match: returns true if E is a used entry called NAME (a
   string). */
static bool
dir_entry_is_named (const struct dir_entry *e, const void *name)
{
  return e->in_use == DIR_ENTRY_USED && !strcmp (e->name, name);
}

/* dir_scan match: returns true if E is a free entry. */
static bool
dir_entry_is_free (const struct dir_entry *e, const void *aux UNUSED)
{
  return e->in_use == DIR_ENTRY_FREE;
}

/* dir_scan match: returns true if E is a used entry. */
static bool
dir_entry_is_used (const struct dir_entry *e, const void *aux UNUSED)
{
  return e->in_use == DIR_ENTRY_USED;
}

/* Scans DIR from its first entry for the used entry called NAME,
   copying it into *ENTRY and its offset into *OFS if found. */
static enum dir_scan_result
dir_find (const struct dir *dir, const char *name, struct dir_entry *entry,
          off_t *ofs)
{
  return dir_scan (dir, 0, dir_entry_is_named, name, entry, ofs);
}

/* Looks for a file called NAME in DIR.  If there is one, opens it,
   stores it in *INODE and returns true.  Otherwise, or if the file
   cannot be opened (corrupt, reported), stores NULL in *INODE and
   returns false. */
bool
dir_lookup (const struct dir *dir, const char *name, struct inode **inode)
{
  struct dir_entry entry;
  off_t ofs;

  ASSERT (filesys_lock_held ());
  *inode = NULL;
  if (dir_find (dir, name, &entry, &ofs) == DIR_SCAN_FOUND)
    *inode = inode_open (entry.inode_sector);
  return *inode != NULL;
}

/* Returns true if NAME may name a file: 1 to NAME_MAX characters, none
   of them '/'. */
static bool
dir_name_is_valid (const char *name)
{
  size_t len = strnlen (name, NAME_MAX + 1);

  return len > 0 && len <= NAME_MAX && strchr (name, '/') == NULL;
}

/* Records in DIR that NAME is the file whose inode is in sector
   INUMBER, in the first free entry.  Returns false, changing nothing,
   if NAME is invalid or already present, DIR is full or corrupt
   (reported), or memory is short; true on success. */
bool
dir_add (struct dir *dir, const char *name, block_sector_t inumber)
{
  struct dir_entry entry;
  off_t ofs;

  ASSERT (filesys_lock_held ());
  if (!dir_name_is_valid (name)
      || dir_find (dir, name, &entry, &ofs) != DIR_SCAN_NONE
      || dir_scan (dir, 0, dir_entry_is_free, NULL, &entry, &ofs)
         != DIR_SCAN_FOUND)
    return false;

  memset (&entry, 0, sizeof entry);
  entry.inode_sector = inumber;
  strlcpy (entry.name, name, sizeof entry.name);
  entry.in_use = DIR_ENTRY_USED;
  return inode_write_at (dir->file, &entry, sizeof entry, ofs) == sizeof entry;
}

/* Removes the entry for NAME from DIR and removes its file, whose
   sectors are freed when its last opener closes it.  Returns true if
   successful, false if there is no such entry, its file cannot be
   opened (corrupt, reported) or memory is short. */
bool
dir_remove (struct dir *dir, const char *name)
{
  struct dir_entry entry;
  struct inode *inode;
  off_t ofs;

  ASSERT (filesys_lock_held ());
  if (dir_find (dir, name, &entry, &ofs) != DIR_SCAN_FOUND)
    return false;
  inode = inode_open (entry.inode_sector);
  if (inode == NULL)
    return false;

  memset (&entry, 0, sizeof entry);
  if (inode_write_at (dir->file, &entry, sizeof entry, ofs) != sizeof entry)
    {
      inode_close (inode);
      return false;
    }
  inode_remove (inode);
  inode_close (inode);
  return true;
}

/* Copies the name of the next file in DIR into NAME and returns true,
   or returns false at the end of DIR (or at a corrupt entry,
   reported).  Each call moves on by one file. */
bool
dir_readdir (struct dir *dir, char name[NAME_MAX + 1])
{
  struct dir_entry entry;
  off_t ofs;

  ASSERT (filesys_lock_held ());
  if (dir_scan (dir, dir->next_ofs, dir_entry_is_used, NULL, &entry, &ofs)
      != DIR_SCAN_FOUND)
    return false;
  dir->next_ofs = ofs + sizeof entry;
  strlcpy (name, entry.name, NAME_MAX + 1);
  return true;
}
