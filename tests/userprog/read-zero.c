/* Reads zero bytes: must return 0 and leave the buffer alone. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  char buf = 'x';
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  int got = read (fd, &buf, 0);
  CHECK (got == 0 && buf == 'x',
         "read of 0 bytes returns %d, buffer untouched", got);
}
