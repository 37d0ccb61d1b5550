/* Writes to the program's own code, which is mapped read-only: the
   process must be killed with exit code -1. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  volatile uint32_t *code = (volatile uint32_t *) (uintptr_t) test_main;
  *code = 0;
  fail ("writing to the code segment succeeded");
}
