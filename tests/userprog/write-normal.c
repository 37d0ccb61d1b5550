/* Writes a file and reads back what it holds. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"

void
test_main (void)
{
  int fd;

  CHECK (create ("test.txt", sizeof sample - 1), "create test.txt");
  CHECK ((fd = open ("test.txt")) > 1, "open test.txt");
  int put = write (fd, sample, sizeof sample - 1);
  CHECK (put == (int) sizeof sample - 1, "write %d bytes to test.txt", put);
  close (fd);
  check_file ("test.txt", sample, sizeof sample - 1);
}
