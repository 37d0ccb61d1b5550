/* Reading a module file for insmod from the file system.  The module
   loader lives in the kernel core, below the file system, so it
   cannot open files itself: it calls this reader through the hook it
   declares (threads/modutil.h). */

#include "filesys/modfile.h"
#include <stddef.h>
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/malloc.h"

/* Reads the whole of the open file F, LENGTH bytes, into a new buffer
   from malloc, stored in *DATA.  Returns a null pointer, or a message
   (leaving *DATA null) if memory runs out or the read falls short. */
static const char *
modfile_read_all (struct file *f, off_t length, void **data)
{
  void *buf = malloc (length > 0 ? length : 1);

  if (buf == NULL)
    return "out of memory reading the file";
  if (file_read (f, buf, length) != length)
    {
      free (buf);
      return "file system read error";
    }
  *data = buf;
  return NULL;
}

/* The modutil_reader of the file system (see threads/modutil.h):
   reads FILE, at most MAX bytes long, into a new buffer from malloc,
   storing it in *DATA and its length in *SIZE.  Returns a null
   pointer on success or when FILE does not exist (then *DATA is
   null), or a message saying why FILE cannot be read.  May sleep. */
const char *
modfile_read (const char *file, size_t max, void **data, size_t *size)
{
  struct file *f;
  const char *error = NULL;
  off_t length;

  *data = NULL;
  f = filesys_open (file);
  if (f == NULL)
    return NULL;
  length = file_length (f);
  if (length < 0 || (size_t) length > max)
    error = "file is larger than the size limit";
  else
    {
      error = modfile_read_all (f, length, data);
      *size = length;
    }
  file_close (f);
  return error;
}
