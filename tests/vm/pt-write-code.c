/* Grows the stack, then writes to the program's own code, which is
   mapped read-only: the process must be killed with exit code -1. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/grow.h"

void
test_main (void)
{
  volatile uint32_t *code = (volatile uint32_t *) (uintptr_t) test_main;

  grow_stack ();
  *code = 0;
  fail ("writing to the code segment succeeded");
}
