/* Kernel actions on the file system: ls, cat and rm, and extract and
   append, which move files between the file system and the ustar
   archive on the scratch partition.  The launcher packs host files
   into that archive (-p) and the kernel extracts them; the kernel
   appends files to it (append) and the launcher unpacks them (-g).
   Everything read from the archive is checked: a malformed archive
   stops the action with a message. */

#include "filesys/fsutil.h"
#include <stdarg.h>
#include <string.h>
#include <stdio.h>
#include <stdint.h>
#include <round.h>
#include <debug.h>
#include <ustar.h>
#include "devices/block.h"
#include "devices/shutdown.h"
#include "filesys/directory.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/free-map.h"
#include "filesys/inode.h"
#include "threads/malloc.h"

/* Blocks of zeros that end an archive. */
#define FSUTIL_END_BLOCKS 2

/* Marks the run as failed: the kernel's exit status becomes 1. */
static void
fsutil_failed (void)
{
  shutdown_set_status (1);
}

/* Prints the printf-style FORMAT and what follows, then marks the
   run as failed. */
static void PRINTF_FORMAT (1, 2)
fsutil_fail (const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  vprintf (format, ap);
  va_end (ap);
  fsutil_failed ();
}

/* Prints the name and size of the file called NAME in DIR, adding its
   size to *BYTES.  The caller holds the file-system lock. */
static void
fsutil_ls_entry (struct dir *dir, const char *name, long long *bytes)
{
  struct inode *inode;

  if (!dir_lookup (dir, name, &inode))
    {
      printf ("%-14s  (unreadable)\n", name);
      return;
    }
  printf ("%-14s %10"PROTd"\n", name, inode_length (inode));
  *bytes += inode_length (inode);
  inode_close (inode);
}

/* Prints every file of the root directory with its size, then the
   totals and the free space.  Returns false if the root directory
   cannot be read. */
static bool
fsutil_list_root (void)
{
  char name[NAME_MAX + 1];
  long long bytes = 0;
  int files = 0;
  struct dir *dir;

  filesys_lock_acquire ();
  dir = filesys_open_root ();
  if (dir != NULL)
    {
      printf ("Files in the root directory:\n");
      for (; dir_readdir (dir, name); files++)
        fsutil_ls_entry (dir, name, &bytes);
      printf ("%d file%s, %lld bytes; %zu sectors free.\n",
              files, files == 1 ? "" : "s", bytes, free_map_free_count ());
    }
  dir_close (dir);
  filesys_lock_release ();
  return dir != NULL;
}

/* Kernel action "ls": lists the files in the file system. */
void
fsutil_ls (char **argv UNUSED)
{
  if (!fsutil_list_root ())
    fsutil_fail ("ls: there is no file system to list.\n");
}

/* Kernel action "rm NAME": takes the file called ARGV[1] out of the
   file system, failing the run if that is impossible. */
void
fsutil_rm (char **argv)
{
  const char *victim = argv[1];
  bool removed;

  printf ("Removing '%s'.\n", victim);
  removed = filesys_remove (victim);
  if (!removed)
    fsutil_fail ("rm: cannot remove '%s': no such file, or it is "
                 "corrupt.\n", victim);
}

/* True if byte C may appear in a file shown as text: printable ASCII,
   tab, carriage return or new-line. */
static bool
fsutil_byte_is_text (uint8_t c)
{
  return (c >= ' ' && c <= '~') || c == '\n' || c == '\t' || c == '\r';
}

/* Returns true if every byte of FILE is printable ASCII or white
   space, reading it through BUF, a sector-sized buffer. */
static bool
fsutil_is_text (struct file *file, uint8_t *buf)
{
  off_t ofs = 0;
  off_t n, i;

  while ((n = file_read_at (file, buf, BLOCK_SECTOR_SIZE, ofs)) > 0)
    {
      for (i = 0; i < n; i++)
        if (!fsutil_byte_is_text (buf[i]))
          return false;
      ofs += n;
    }
  return true;
}

/* Prints the contents of FILE through BUF, a sector-sized buffer: as
   they are if TEXT (ending with a new-line if the file does not),
   else as a hex dump. */
static void
fsutil_print (struct file *file, uint8_t *buf, bool text)
{
  off_t ofs, n;
  bool newline_due = false;

  for (ofs = 0; (n = file_read_at (file, buf, BLOCK_SECTOR_SIZE, ofs)) > 0;
       ofs += n)
    {
      if (text)
        putbuf ((const char *) buf, n);
      else
        hex_dump (ofs, buf, n, true);
      newline_due = text && buf[n - 1] != '\n';
    }
  if (newline_due)
    putchar ('\n');
}

/* Kernel action "cat NAME": prints file NAME, as text if it is all
   text and as a hex dump otherwise. */
void
fsutil_cat (char **argv)
{
  const char *name = argv[1];
  struct file *file = filesys_open (name);
  uint8_t *buf = malloc (BLOCK_SECTOR_SIZE);

  if (file == NULL || buf == NULL)
    fsutil_fail ("cat: cannot open '%s'.\n", name);
  else
    {
      bool text = fsutil_is_text (file, buf);
      printf ("Contents of '%s', %"PROTd" bytes%s:\n",
              name, file_length (file), text ? "" : " (hex dump)");
      fsutil_print (file, buf, text);
    }
  free (buf);
  file_close (file);
}

/* Returns the scratch partition, or NULL after saying that ACTION
   needs one. */
static struct block *
fsutil_scratch (const char *action)
{
  struct block *scratch = block_get_role (BLOCK_SCRATCH);

  if (scratch == NULL)
    printf ("%s: there is no scratch partition (the launcher adds one "
            "with -p or -g).\n", action);
  return scratch;
}

/* Returns the number of sectors that hold SIZE bytes of member data. */
static block_sector_t
fsutil_data_sectors (int size)
{
  return DIV_ROUND_UP (size, USTAR_BLOCK_SIZE);
}

/* Returns how many of SIZE bytes of data lie in the sector that
   starts at byte OFS of it: a whole sector, the tail, or none. */
static off_t
fsutil_sector_bytes (off_t size, off_t ofs)
{
  if (ofs >= size)
    return 0;
  return size - ofs < BLOCK_SECTOR_SIZE ? size - ofs : BLOCK_SECTOR_SIZE;
}

/* Reads the archive header in sector SECTOR of SCRATCH into HEADER
   and parses it into *NAME (pointing into HEADER), *TYPE and *SIZE.
   The end of the partition counts as the end of the archive.  Returns
   NULL on success, or what is wrong with the header. */
static const char *
fsutil_read_header (struct block *scratch, block_sector_t sector,
                    char header[USTAR_BLOCK_SIZE], const char **name,
                    enum ustar_type *type, int *size)
{
  const char *error;

  if (sector >= block_size (scratch))
    {
      *type = USTAR_EOF;
      return NULL;
    }
  block_read (scratch, sector, header);
  error = ustar_parse_header (header, name, type, size);
  if (error == NULL && *type != USTAR_EOF
      && fsutil_data_sectors (*size) >= block_size (scratch) - sector)
    error = "its data runs past the end of the partition";
  return error;
}

/* Copies the SIZE bytes of data from sector FIRST of SCRATCH into a
   new file called NAME, replacing any file of that name, through BUF,
   a sector-sized buffer.  Returns true if successful. */
static bool
fsutil_extract_file (struct block *scratch, block_sector_t first,
                     const char *name, int size, uint8_t *buf)
{
  struct file *file;
  off_t ofs;

  filesys_remove (name);
  if (!filesys_create (name, size) || (file = filesys_open (name)) == NULL)
    {
      printf ("extract: cannot create '%s' (%d bytes): the name is not "
              "valid (at most %d characters, no '/') or the file system "
              "is full.\n", name, size, NAME_MAX);
      return false;
    }
  for (ofs = 0; ofs < size; ofs += BLOCK_SECTOR_SIZE)
    {
      off_t chunk = fsutil_sector_bytes (size, ofs);

      block_read (scratch, first + ofs / BLOCK_SECTOR_SIZE, buf);
      if (file_write_at (file, buf, chunk, ofs) != chunk)
        {
          printf ("extract: out of memory writing '%s'.\n", name);
          file_close (file);
          filesys_remove (name);
          return false;
        }
    }
  file_close (file);
  return true;
}

/* Extracts the members of the archive on SCRATCH, reading headers
   into HEADER and data through BUF (both sector-sized).  Returns true
   if every member was extracted. */
static bool
fsutil_extract_members (struct block *scratch, char *header, uint8_t *buf)
{
  block_sector_t sector = 0;

  for (;;)
    {
      const char *name, *error;
      enum ustar_type type;
      int size;

      error = fsutil_read_header (scratch, sector, header, &name, &type,
                                  &size);
      if (error != NULL)
        {
          printf ("extract: bad archive header in sector %"PRDSNu" of %s "
                  "(%s).\n", sector, block_name (scratch), error);
          return false;
        }
      if (type == USTAR_EOF)
        return true;
      if (type == USTAR_DIRECTORY)
        printf ("Skipping directory '%s': the file system has no "
                "subdirectories.\n", name);
      else
        {
          printf ("Putting '%s' into the file system...\n", name);
          if (!fsutil_extract_file (scratch, sector + 1, name, size, buf))
            return false;
        }
      sector += 1 + fsutil_data_sectors (size);
    }
}

/* Extracts every file of the archive on the scratch partition into
   the file system, then erases the archive's first header so that
   the same files are not extracted again.  Returns true if
   successful; stops at the first error, with a message. */
bool
fsutil_extract_archive (void)
{
  struct block *scratch = fsutil_scratch ("extract");
  char *header = malloc (USTAR_BLOCK_SIZE);
  uint8_t *buf = malloc (BLOCK_SECTOR_SIZE);
  bool ok = false;

  if (scratch != NULL && header != NULL && buf != NULL)
    {
      ok = fsutil_extract_members (scratch, header, buf);
      if (ok)
        {
          memset (header, 0, USTAR_BLOCK_SIZE);
          block_write (scratch, 0, header);
        }
    }
  else if (scratch != NULL)
    printf ("extract: out of memory.\n");
  free (header);
  free (buf);
  return ok;
}

/* Kernel action "extract": see fsutil_extract_archive. */
void
fsutil_extract (char **argv UNUSED)
{
  if (!fsutil_extract_archive ())
    fsutil_failed ();
}

/* Finds the end of the archive on SCRATCH, reading headers into
   HEADER, and stores in *END the sector where the next member goes.
   Returns false, with a message, if the archive is malformed. */
static bool
fsutil_archive_end (struct block *scratch, char *header, block_sector_t *end)
{
  const char *name, *error;
  enum ustar_type type;
  int size;

  for (*end = 0; ; *end += 1 + fsutil_data_sectors (size))
    {
      error = fsutil_read_header (scratch, *end, header, &name, &type, &size);
      if (error != NULL)
        {
          printf ("append: bad archive header in sector %"PRDSNu" of %s "
                  "(%s).\n", *end, block_name (scratch), error);
          return false;
        }
      if (type == USTAR_EOF)
        return true;
    }
}

/* Writes FILE, called NAME, as an archive member followed by the end
   marker into SCRATCH from sector START, through BUF (sector-sized).
   Returns false, with a message, if there is no room. */
static bool
fsutil_append_member (struct block *scratch, block_sector_t start,
                      struct file *file, const char *name, uint8_t *buf)
{
  off_t size = file_length (file);
  block_sector_t data = fsutil_data_sectors (size);
  block_sector_t i;

  if (1 + data + FSUTIL_END_BLOCKS > block_size (scratch) - start
      || !ustar_make_header (name, USTAR_REGULAR, size, (char *) buf))
    {
      printf ("append: no room for '%s' (%"PROTd" bytes) on the scratch "
              "partition.\n", name, size);
      return false;
    }
  printf ("Appending '%s' to ustar archive...\n", name);
  block_write (scratch, start, buf);
  for (i = 0; i < data + FSUTIL_END_BLOCKS; i++)
    {
      off_t ofs = i * BLOCK_SECTOR_SIZE;
      off_t want = fsutil_sector_bytes (size, ofs);

      memset (buf, 0, BLOCK_SECTOR_SIZE);
      if (file_read_at (file, buf, want, ofs) != want)
        {
          printf ("append: out of memory reading '%s'.\n", name);
          return false;
        }
      block_write (scratch, start + 1 + i, buf);
    }
  return true;
}

/* Appends file NAME to the archive on the scratch partition, after
   the members already there, where the launcher's -g finds it.
   Returns true if successful; false, with a message, if there is no
   such file or scratch partition, no room, or the archive there is
   malformed. */
bool
fsutil_append_file (const char *name)
{
  struct block *scratch = fsutil_scratch ("append");
  struct file *file;
  uint8_t *buf;
  block_sector_t end;
  bool ok = false;

  if (scratch == NULL)
    return false;
  file = filesys_open (name);
  buf = malloc (BLOCK_SECTOR_SIZE);
  if (file == NULL)
    printf ("append: cannot open '%s'.\n", name);
  else if (buf == NULL)
    printf ("append: out of memory.\n");
  else if (fsutil_archive_end (scratch, (char *) buf, &end))
    ok = fsutil_append_member (scratch, end, file, name, buf);
  free (buf);
  file_close (file);
  return ok;
}

/* Kernel action "append NAME": see fsutil_append_file. */
void
fsutil_append (char **argv)
{
  if (!fsutil_append_file (argv[1]))
    fsutil_failed ();
}
