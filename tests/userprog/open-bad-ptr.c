/* Passes an unmapped address as the name of a file to open: the
   process must be killed with exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("open(0x20101234): %d", open ((const char *) 0x20101234));
  fail ("open with an unmapped name returned");
}
