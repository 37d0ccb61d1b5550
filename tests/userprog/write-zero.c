/* Writes zero bytes: must return 0. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  char buf = 'x';
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  int put = write (fd, &buf, 0);
  CHECK (put == 0, "write of 0 bytes returns %d", put);
}
