/* Reading and writing ustar archive headers.  The scratch disk holds
   such an archive: the launcher puts files in it for the kernel to
   extract, and the kernel appends files for the launcher to take out.
   Numbers in a header are ASCII octal; a header's checksum is the sum
   of its bytes, counting the checksum field itself as spaces. */
#include <ustar.h>
#include <limits.h>
#include <packed.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* A header as stored in the archive: all fields are text. */
struct ustar_header
  {
    char name[100];             /* +0   File name, null-terminated. */
    char mode[8];               /* +100 Permissions, octal. */
    char uid[8];                /* +108 Owner's user ID, octal. */
    char gid[8];                /* +116 Owner's group ID, octal. */
    char size[12];              /* +124 File size in bytes, octal. */
    char mtime[12];             /* +136 Modification time, octal. */
    char chksum[8];             /* +148 Header checksum, octal. */
    char typeflag;              /* +156 An enum ustar_type. */
    char linkname[100];         /* +157 Link target (unused). */
    char magic[6];              /* +257 USTAR_MAGIC. */
    char version[2];            /* +263 USTAR_VERSION. */
    char uname[32];             /* +265 Owner's user name. */
    char gname[32];             /* +297 Owner's group name. */
    char devmajor[8];           /* +329 Device number (unused). */
    char devminor[8];           /* +337 Device number (unused). */
    char prefix[155];           /* +345 Name prefix (unsupported). */
    char padding[12];           /* +500 Unused. */
  }
PACKED;
_Static_assert (sizeof (struct ustar_header) == USTAR_BLOCK_SIZE,
                "ustar header must fill one block");

#define USTAR_MAGIC "ustar"             /* With its null: 6 bytes. */
#define USTAR_VERSION "00"              /* Without a null: 2 bytes. */
#define USTAR_OWNER "root"              /* Owner and group names. */
#define USTAR_FILE_MODE 0644            /* rw-r--r-- */
#define USTAR_DIR_MODE 0755             /* rwxr-xr-x */
#define USTAR_MTIME 1704067200          /* A fixed date: 2024-01-01. */

/* Returns the checksum of header H. */
static unsigned
ustar_checksum (const struct ustar_header *h)
{
  const uint8_t *bytes = (const uint8_t *) h;
  unsigned sum = 0;
  size_t i;

  for (i = 0; i < sizeof *h; i++)
    {
      bool in_chksum = (i >= offsetof (struct ustar_header, chksum)
                        && i < offsetof (struct ustar_header, chksum)
                               + sizeof h->chksum);
      sum += in_chksum ? ' ' : bytes[i];
    }
  return sum;
}

/* Writes VALUE into the FIELD_SIZE-byte FIELD as octal digits filling
   all but its last byte, which is a null. */
static void
ustar_put_octal (char *field, size_t field_size, unsigned long value)
{
  snprintf (field, field_size, "%0*lo", (int) field_size - 1, value);
}

/* True if a header can describe a member named NAME (leading slashes
   already dropped) of TYPE with SIZE data bytes. */
static bool
ustar_can_describe (const char *name, enum ustar_type type, int size)
{
  size_t len = strlen (name);

  return (len > 0 && len < sizeof ((struct ustar_header *) 0)->name
          && size >= 0
          && (type == USTAR_REGULAR || type == USTAR_DIRECTORY));
}

/* Fills HEADER with a ustar header for a member named FILE_NAME of
   TYPE whose data is SIZE bytes (0 for a directory).  Leading slashes
   are dropped from FILE_NAME.  Returns true if successful, false if
   the name is empty or too long (99 characters at most), SIZE is
   negative or TYPE is not a file or directory. */
bool
ustar_make_header (const char *file_name, enum ustar_type type,
                   int size, char header[USTAR_BLOCK_SIZE])
{
  struct ustar_header *h = (struct ustar_header *) header;
  bool is_dir = type == USTAR_DIRECTORY;

  file_name += strspn (file_name, "/");
  if (!ustar_can_describe (file_name, type, size))
    return false;

  memset (header, 0, USTAR_BLOCK_SIZE);
  memcpy (h->name, file_name, strlen (file_name));
  h->typeflag = type;
  ustar_put_octal (h->mode, sizeof h->mode,
                   is_dir ? USTAR_DIR_MODE : USTAR_FILE_MODE);
  ustar_put_octal (h->uid, sizeof h->uid, 0);
  ustar_put_octal (h->gid, sizeof h->gid, 0);
  ustar_put_octal (h->size, sizeof h->size, is_dir ? 0 : size);
  ustar_put_octal (h->mtime, sizeof h->mtime, USTAR_MTIME);
  memcpy (h->magic, USTAR_MAGIC, sizeof h->magic);
  memcpy (h->version, USTAR_VERSION, sizeof h->version);
  memcpy (h->uname, USTAR_OWNER, sizeof USTAR_OWNER);
  memcpy (h->gname, USTAR_OWNER, sizeof USTAR_OWNER);

  /* The checksum field is 6 digits, a null and a space. */
  ustar_put_octal (h->chksum, sizeof h->chksum - 1, ustar_checksum (h));
  h->chksum[sizeof h->chksum - 1] = ' ';
  return true;
}

/* Returns true if the SIZE bytes at BLOCK are all zero. */
static bool
ustar_is_zero (const char *block, size_t size)
{
  size_t i;

  for (i = 0; i < size; i++)
    if (block[i] != '\0')
      break;
  return i == size;
}

/* Parses the SIZE-byte octal FIELD into *VALUE: optional leading
   spaces, at least one digit, then only nulls and spaces.  Returns
   false if FIELD is malformed or its value exceeds INT_MAX. */
static bool
ustar_parse_octal (const char *field, size_t size, unsigned long *value)
{
  size_t i = 0;
  size_t digits_start;

  while (i < size && field[i] == ' ')
    i++;
  *value = 0;
  for (digits_start = i; i < size && field[i] >= '0' && field[i] <= '7'; i++)
    {
      if (*value > INT_MAX / 8)
        return false;
      *value = *value * 8 + (field[i] - '0');
    }
  if (i == digits_start || *value > INT_MAX)
    return false;
  for (; i < size; i++)
    if (field[i] != '\0' && field[i] != ' ')
      return false;
  return true;
}

/* Returns an error message if NAME may not be extracted: it is empty,
   absolute or has a ".." component.  Returns NULL if it is fine. */
static const char *
ustar_check_name (const char *name)
{
  const char *component;

  if (*name == '\0')
    return "empty file name";
  if (*name == '/')
    return "absolute file name";
  for (component = name; component != NULL;
       component = strchr (component, '/'))
    {
      if (*component == '/')
        component++;
      if (!strncmp (component, "..", 2)
          && (component[2] == '/' || component[2] == '\0'))
        return "file name contains \"..\"";
    }
  return NULL;
}

/* Returns an error message if the type, name or size of header H is
   unusable, else NULL, storing the type in *TYPE and size in *SIZE. */
static const char *
ustar_check_member (const struct ustar_header *h,
                    enum ustar_type *type, int *size)
{
  unsigned long value;

  if (h->typeflag == USTAR_DIRECTORY)
    *type = USTAR_DIRECTORY;
  else if (h->typeflag == USTAR_REGULAR || h->typeflag == '\0')
    *type = USTAR_REGULAR;
  else
    return "unsupported member type";

  if (memchr (h->name, '\0', sizeof h->name) == NULL)
    return "file name not null-terminated";
  if (h->prefix[0] != '\0')
    return "file name prefix unsupported";
  if (!ustar_parse_octal (h->size, sizeof h->size, &value))
    return "bad file size";
  if (*type == USTAR_DIRECTORY && value != 0)
    return "directory with nonzero size";
  *size = value;
  return ustar_check_name (h->name);
}

/* Parses HEADER, a ustar header.  On success returns NULL and stores
   the member's name (which points into HEADER), type and data size in
   *FILE_NAME, *TYPE and *SIZE.  An all-zero block marks the end of the
   archive: then returns NULL with *FILE_NAME null, *TYPE USTAR_EOF and
   *SIZE 0.  If HEADER is malformed or describes something we cannot
   extract, returns an error message and leaves the outputs unchanged. */
const char *
ustar_parse_header (const char header[USTAR_BLOCK_SIZE],
                    const char **file_name, enum ustar_type *type, int *size)
{
  const struct ustar_header *h = (const struct ustar_header *) header;
  enum ustar_type member_type = USTAR_EOF;
  const char *member_name = NULL;
  int member_size = 0;
  unsigned long chksum;

  if (!ustar_is_zero (header, USTAR_BLOCK_SIZE))
    {
      const char *error = NULL;

      if (memcmp (h->magic, USTAR_MAGIC, sizeof h->magic)
          || memcmp (h->version, USTAR_VERSION, sizeof h->version))
        return "not a ustar header";
      if (!ustar_parse_octal (h->chksum, sizeof h->chksum, &chksum)
          || chksum != ustar_checksum (h))
        return "bad header checksum";
      error = ustar_check_member (h, &member_type, &member_size);
      if (error != NULL)
        return error;
      member_name = h->name;
    }
  *file_name = member_name;
  *type = member_type;
  *size = member_size;
  return NULL;
}
