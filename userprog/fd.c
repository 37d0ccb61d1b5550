/* Per-process file descriptors: a fixed table, searched from the
   lowest free slot so descriptors are reused the way Unix users
   expect.  The table only maps numbers to files; opening and closing
   the files themselves is the caller's business. */

#include "userprog/fd.h"
#include <stddef.h>

/* Returns true if FD is a number the table can hold. */
static bool
fd_in_range (int fd)
{
  return fd >= FD_FIRST && fd < FD_FIRST + FD_MAX;
}

/* Makes T empty. */
void
fd_init (struct fd_table *t)
{
  for (int i = 0; i < FD_MAX; i++)
    t->files[i] = NULL;
}

/* Gives FILE the lowest free descriptor in T and returns it, or -1
   if T is full. */
int
fd_install (struct fd_table *t, struct file *file)
{
  for (int i = 0; i < FD_MAX; i++)
    if (t->files[i] == NULL)
      {
        t->files[i] = file;
        return FD_FIRST + i;
      }
  return -1;
}

/* Returns the file open as FD in T, or NULL if FD names none. */
struct file *
fd_lookup (const struct fd_table *t, int fd)
{
  return fd_in_range (fd) ? t->files[fd - FD_FIRST] : NULL;
}

/* Frees descriptor FD in T and returns the file it named (for the
   caller to close), or NULL if FD named none. */
struct file *
fd_remove (struct fd_table *t, int fd)
{
  if (!fd_in_range (fd))
    return NULL;
  struct file *file = t->files[fd - FD_FIRST];
  t->files[fd - FD_FIRST] = NULL;
  return file;
}
