/* Writes to a kernel address: the process must be killed with exit
   code -1, and the kernel left unharmed. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  volatile int *volatile p = (int *) 0xc0100000;
  *p = 42;
  fail ("writing kernel memory did not kill the process");
}
