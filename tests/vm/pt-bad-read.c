/* Grows the stack; then asks read() to store into a buffer 64 KiB
   below the stack pointer, where the stack has never been.  The
   kernel's copy faults there; an address that far below the stack
   pointer is no stack access, so the process must be killed with exit
   code -1. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/grow.h"

/* How far below the stack pointer the buffer lies. */
#define BAD_DEPTH (64 * 1024)

void
test_main (void)
{
  char here;
  int fd;

  grow_stack ();
  CHECK ((fd = open ("sample.txt")) > 1, "open \"sample.txt\"");
  read (fd, (void *) ((uintptr_t) &here - BAD_DEPTH), 1);
  fail ("read into 64 KiB below the stack pointer returned");
}
