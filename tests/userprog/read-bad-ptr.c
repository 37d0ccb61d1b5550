/* Reads into a kernel address: the process must be killed with exit
   code -1, and the kernel's memory left alone. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  read (fd, (char *) 0xc0100000, 123);
  fail ("read into kernel memory returned");
}
