/* Grows the stack, then reads from an address in user space that no
   segment, mapping or stack covers: the process must be killed with
   exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/grow.h"

/* An address far from the program, its data and its stack. */
#define BAD_ADDR 0x04000000

void
test_main (void)
{
  volatile int *p = (volatile int *) BAD_ADDR;

  grow_stack ();
  fail ("read %d at 0x%08x", *p, BAD_ADDR);
}
