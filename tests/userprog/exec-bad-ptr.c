/* Passes an unmapped address as the command line: the process must
   be killed with exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  exec ((const char *) 0x20101234);
  fail ("exec with an unmapped command line returned");
}
