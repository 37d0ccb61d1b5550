/* Writes from an unmapped buffer: the process must be killed with
   exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"

/* Where the write is told to take the data from: a user address
   with nothing mapped there. */
#define UNMAPPED_BUFFER ((const void *) 0x10123420)

void
test_main (void)
{
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open sample.txt");
  fail ("write from an unmapped buffer returned %d",
        write (fd, UNMAPPED_BUFFER, 123));
}
