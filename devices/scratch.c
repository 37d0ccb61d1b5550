/* Reads one named file out of the ustar archive on the scratch
   partition, or finds where its data lies for a caller that reads and
   writes it in place (scratch_locate).  The archive comes from
   outside the kernel, so a damaged one is reported as an error, never
   a panic: every header is checked by lib/ustar.c and every sector
   number against the partition's size before it is read. */

#include "devices/scratch.h"
#include <round.h>
#include <stdbool.h>
#include <string.h>
#include <ustar.h>
#include "devices/block.h"
#include "threads/malloc.h"

_Static_assert (USTAR_BLOCK_SIZE == BLOCK_SECTOR_SIZE,
                "one archive block must be one sector");

/* Where a file's data lies on the scratch partition. */
struct scratch_member
  {
    block_sector_t first;       /* Sector holding its first byte. */
    size_t size;                /* Its length in bytes. */
  };

static block_sector_t scratch_sectors (size_t size);
static const char *scratch_find (struct block *, const char *name,
                                 struct scratch_member *);
static void scratch_read_data (struct block *, const struct scratch_member *,
                               char *data);

/* Reads the file called NAME from the scratch archive into a new
   buffer from malloc.  On success returns a null pointer and stores
   the buffer in *DATA (the caller frees it) and the file's length in
   *SIZE.  Otherwise stores a null pointer in *DATA and returns a
   message saying why: no scratch partition, no such file, a file of
   more than MAX_SIZE bytes, a damaged archive, or no memory.  May
   sleep; must not be called with interrupts off. */
const char *
scratch_read_file (const char *name, size_t max_size,
                   void **data, size_t *size)
{
  struct block *scratch;
  struct scratch_member member;
  const char *error;
  char *buffer;

  *data = NULL;
  *size = 0;
  error = scratch_locate (name, &scratch, &member.first, &member.size);
  if (error != NULL)
    return error;
  if (member.size > max_size)
    return "file is larger than the size limit";

  /* malloc (0) may return a null pointer, which would read as "no
     memory": an empty file gets a one-byte buffer. */
  buffer = malloc (member.size > 0 ? member.size : 1);
  if (buffer == NULL)
    return "out of memory reading the scratch archive";
  scratch_read_data (scratch, &member, buffer);
  *data = buffer;
  *size = member.size;
  return NULL;
}

/* Finds the file called NAME in the scratch archive without reading
   its data.  On success returns a null pointer and stores the scratch
   partition in *DEV, the partition sector that holds the file's first
   byte in *FIRST and the file's length in *SIZE: its data fills the
   following sectors, whole except perhaps the last, and all of them
   lie within the partition, so a caller may read and write them there
   in place.  Otherwise returns a message saying why: no scratch
   partition, no such file, or a damaged archive.  May sleep; must not
   be called with interrupts off. */
const char *
scratch_locate (const char *name, struct block **dev, block_sector_t *first,
                size_t *size)
{
  struct block *scratch = block_get_role (BLOCK_SCRATCH);
  struct scratch_member member;
  const char *error;

  if (scratch == NULL)
    return "there is no scratch partition";
  error = scratch_find (scratch, name, &member);
  if (error != NULL)
    return error;
  if (scratch_sectors (member.size) > block_size (scratch) - member.first)
    return "the scratch archive is damaged (file runs past its end)";
  *dev = scratch;
  *first = member.first;
  *size = member.size;
  return NULL;
}

/* Returns the number of sectors a member of SIZE bytes occupies. */
static block_sector_t
scratch_sectors (size_t size)
{
  return DIV_ROUND_UP (size, BLOCK_SECTOR_SIZE);
}

/* Walks the archive on SCRATCH looking for a regular file called
   NAME.  Returns a null pointer and fills in *MEMBER if it finds one,
   or else an error message.  The archive ends at an all-zero block or
   at the end of the partition. */
static const char *
scratch_find (struct block *scratch, const char *name,
              struct scratch_member *member)
{
  char header[BLOCK_SECTOR_SIZE];
  block_sector_t sector = 0;

  while (sector < block_size (scratch))
    {
      const char *member_name;
      enum ustar_type type;
      int size;

      block_read (scratch, sector, header);
      if (ustar_parse_header (header, &member_name, &type, &size) != NULL
          || size < 0)
        return "the scratch archive is damaged (bad header)";
      if (type == USTAR_EOF)
        break;
      sector++;
      if (type == USTAR_REGULAR && !strcmp (member_name, name))
        {
          member->first = sector;
          member->size = size;
          return NULL;
        }
      if (scratch_sectors (size) > block_size (scratch) - sector)
        break;
      sector += scratch_sectors (size);
    }
  return "no such file in the scratch archive";
}

/* Reads the data of MEMBER from SCRATCH into DATA, which has room for
   MEMBER->size bytes.  The data must lie within the partition
   (scratch_locate checks). */
static void
scratch_read_data (struct block *scratch,
                   const struct scratch_member *member, char *data)
{
  char sector[BLOCK_SECTOR_SIZE];
  size_t done;

  for (done = 0; done < member->size; done += BLOCK_SECTOR_SIZE)
    {
      block_sector_t s = member->first + done / BLOCK_SECTOR_SIZE;
      size_t chunk = member->size - done;

      if (chunk >= BLOCK_SECTOR_SIZE)
        block_read (scratch, s, data + done);
      else
        {
          block_read (scratch, s, sector);
          memcpy (data + done, sector, chunk);
        }
    }
}
