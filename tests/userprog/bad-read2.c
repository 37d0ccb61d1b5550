/* Reads from a kernel address: the process must be killed with exit
   code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  volatile int *volatile p = (int *) 0xc0100000;
  msg ("read at 0xc0100000: %d", *p);
  fail ("reading kernel memory did not kill the process");
}
