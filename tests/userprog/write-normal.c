/* Writes a file and reads back what it holds. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"

void
test_main (void)
{
  /* SAMPLE is the text as a C string: its NUL is not written. */
  int size = sizeof sample - 1;

  CHECK (create ("test.txt", size), "create test.txt");
  int fd = open ("test.txt");
  CHECK (fd > 1, "open test.txt");
  int put = write (fd, sample, size);
  CHECK (put == size, "write %d bytes to test.txt", put);
  close (fd);
  check_file ("test.txt", sample, size);
}
