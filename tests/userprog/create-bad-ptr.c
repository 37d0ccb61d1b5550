/* Passes an unmapped address as the name of a file to create: the
   process must be killed with exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("create(0x20101234): %d", create ((const char *) 0x20101234, 0));
  fail ("create with an unmapped name returned");
}
