/* Writes from an unmapped buffer: the process must be killed with
   exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  write (fd, (char *) 0x10123420, 123);
  fail ("write from an unmapped buffer returned");
}
