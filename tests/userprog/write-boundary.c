/* Writes from a buffer that straddles a page boundary. */

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

  memcpy (buffer, sample, sizeof sample - 1);
  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  int put = write (fd, buffer, sizeof sample - 1);
  CHECK (put == (int) sizeof sample - 1,
         "write %d bytes from a buffer across a page boundary", put);
  close (fd);
  check_file ("sample.txt", sample, sizeof sample - 1);
}
