/* Child of syn-write: writes its own chunk of syn-write's file, a
   piece at a time, and exits with its number (its only argument).
   Prints nothing unless it fails. */

#include <stdlib.h>
#include <syscall.h>
#include "tests/filesys/base/fsbase.h"
#include "tests/filesys/base/syn-write.h"
#include "tests/lib.h"

/* Writes chunk ARGV[1] of the file. */
int
main (int argc, char *argv[])
{
  static char chunk[SYN_WRITE_CHUNK];
  int id, fd;
  size_t ofs;

  test_name = "child-syn-wrt";
  quiet = true;
  CHECK (argc == 2, "one argument");
  id = atoi (argv[1]);
  CHECK (id >= 0 && id < SYN_WRITE_CHILDREN, "child number %d", id);
  fsbase_fill (chunk, sizeof chunk, SYN_WRITE_SEED + id);
  CHECK ((fd = open (SYN_WRITE_FILE)) > 1, "open \"%s\"", SYN_WRITE_FILE);
  for (ofs = 0; ofs < sizeof chunk; ofs += SYN_WRITE_PIECE)
    {
      seek (fd, id * SYN_WRITE_CHUNK + ofs);
      CHECK (write (fd, chunk + ofs, SYN_WRITE_PIECE) == SYN_WRITE_PIECE,
             "write at %zu", id * SYN_WRITE_CHUNK + ofs);
    }
  close (fd);
  return id;
}
