/* Passes read() a buffer on the stack that reaches pages the stack has
   not grown to yet: the kernel's copy into it must grow the stack.
   Then writes the buffer to a new file with write(), the kernel
   reading from the grown stack, and checks the copy. */

#include <string.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"

/* Bytes in the buffer: three pages, all below the stack's first. */
#define BUF_SIZE (3 * 4096)

void
test_main (void)
{
  char buf[BUF_SIZE];
  size_t size = sizeof sample - 1;
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open \"sample.txt\"");
  CHECK (read (fd, buf, size) == (int) size,
         "read \"sample.txt\" into the bottom of a stack buffer");
  close (fd);
  compare_bytes (buf, sample, size, 0, "sample.txt");

  CHECK (create ("copy.txt", size), "create \"copy.txt\"");
  CHECK ((fd = open ("copy.txt")) > 1, "open \"copy.txt\"");
  CHECK (write (fd, buf, size) == (int) size,
         "write the stack buffer to \"copy.txt\"");
  close (fd);
  check_file ("copy.txt", sample, size);
}
