/* Grows the stack; then asks read() to store a file's bytes over the
   program's own code, which is read-only: the kernel's copy must fail,
   and the process be killed with exit code -1. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/grow.h"

void
test_main (void)
{
  grow_stack ();
  int fd = open ("sample.txt");
  CHECK (fd > 1, "open \"sample.txt\"");
  read (fd, (void *) (uintptr_t) test_main, 1);
  fail ("read into the code segment returned");
}
