/* Writes to address 0, which is never mapped: the process must be
   killed with exit code -1. */

#include <stddef.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  /* Volatile both ways: the compiler may not assume 0 nor drop the access. */
  volatile int *volatile p = NULL;
  *p = 42;
  fail ("writing address 0 did not kill the process");
}
