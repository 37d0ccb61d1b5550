/* What the mmap tests share (see mapping.h). */

#include "tests/vm/mapping.h"
#include "tests/lib.h"

/* Opens NAME and returns its descriptor. */
int
open_file (const char *name)
{
  int fd;

  CHECK ((fd = open (name)) > 1, "open \"%s\"", name);
  return fd;
}

/* Creates file NAME holding the SIZE bytes at DATA. */
void
make_file (const char *name, const void *data, size_t size)
{
  int fd;

  CHECK (create (name, size), "create \"%s\"", name);
  if ((fd = open (name)) < 2 || write (fd, data, size) != (int) size)
    fail ("cannot write \"%s\"", name);
  close (fd);
}

/* Maps the file open as FD, called NAME, at ADDR, and returns the
   mapping. */
mapid_t
map_file (int fd, void *addr, const char *name)
{
  mapid_t map;

  CHECK ((map = mmap (fd, addr)) != MAP_FAILED, "mmap \"%s\"", name);
  return map;
}

/* Checks that mapping FD at ADDR, described by WHAT, is refused. */
void
map_refused (int fd, void *addr, const char *what)
{
  CHECK (mmap (fd, addr) == MAP_FAILED, "mmap %s is refused", what);
}
