/* Child of syn-read: reads syn-read's file in pieces whose size
   depends on its number (its only argument), checks every byte, and
   exits with its number.  Prints nothing unless it fails. */

#include <stdlib.h>
#include <syscall.h>
#include "tests/filesys/base/fsbase.h"
#include "tests/filesys/base/syn-read.h"
#include "tests/lib.h"

/* The piece size of child ID: small, different for each child, and
   mostly not a divisor of a sector. */
#define CHILD_PIECE(ID) (37u * (ID) + 5)

/* Reads and checks the file; ARGV[1] is the child's number. */
int
main (int argc, char *argv[])
{
  static char expected[SYN_READ_SIZE], piece[CHILD_PIECE (SYN_READ_CHILDREN)];
  int id, fd;
  size_t ofs, size;

  test_name = "child-syn-read";
  quiet = true;
  CHECK (argc == 2, "one argument");
  id = atoi (argv[1]);
  CHECK (id >= 0 && id < SYN_READ_CHILDREN, "child number %d", id);
  fsbase_fill (expected, sizeof expected, SYN_READ_SEED);
  CHECK ((fd = open (SYN_READ_FILE)) > 1, "open \"%s\"", SYN_READ_FILE);
  for (ofs = 0; ofs < sizeof expected; ofs += size)
    {
      size = sizeof expected - ofs < CHILD_PIECE (id) ? sizeof expected - ofs
                                                      : CHILD_PIECE (id);
      CHECK (read (fd, piece, size) == (int) size, "read %zu bytes at %zu",
             size, ofs);
      compare_bytes (piece, expected + ofs, size, ofs, SYN_READ_FILE);
    }
  CHECK (read (fd, piece, 1) == 0, "read at the end");
  close (fd);
  return id;
}
