/* Reads into a kernel address: the process must be killed with exit
   code -1, and the kernel's memory left alone. */

#include "tests/lib.h"
#include "tests/main.h"

/* Where the read is told to put the data: kernel memory. */
#define KERNEL_BUFFER ((void *) 0xc0100000)

void
test_main (void)
{
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open sample.txt");
  fail ("read into kernel memory returned %d", read (fd, KERNEL_BUFFER, 123));
}
