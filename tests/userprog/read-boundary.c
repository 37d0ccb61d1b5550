/* Reads sample.txt into a buffer that straddles a page boundary. */

#include <string.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"
#include "tests/userprog/sample.h"

void
test_main (void)
{
  char *buffer = (char *) get_boundary_area () - sizeof sample / 2;
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  int got = read (fd, buffer, sizeof sample - 1);
  CHECK (got == (int) sizeof sample - 1,
         "read %d bytes into a buffer across a page boundary", got);
  compare_bytes (buffer, sample, sizeof sample - 1, 0, "sample.txt");
  msg ("they are the right bytes");
}
