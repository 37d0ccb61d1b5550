/* Jumps to a kernel address: the process must be killed with exit
   code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  void (*volatile f) (void) = (void (*) (void)) 0xc0100000;
  f ();
  fail ("jumping into the kernel did not kill the process");
}
