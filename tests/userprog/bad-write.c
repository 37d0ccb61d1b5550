/* Writes to address 0, which is never mapped: the process must be
   killed with exit code -1. */

#include <stddef.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  int *volatile p = NULL;      /* Volatile: the compiler may not see it is 0. */
  *p = 42;
  fail ("writing address 0 did not kill the process");
}
