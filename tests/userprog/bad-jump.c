/* Jumps to address 0, which is never mapped: the process must be
   killed with exit code -1. */

#include <stddef.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  void (*volatile f) (void) = NULL;
  f ();
  fail ("jumping to address 0 did not kill the process");
}
