/* Makes a system call with the stack pointer at an unmapped address:
   the kernel cannot even read the call number, and must kill the
   process with exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  asm volatile ("movl $0x20101234, %%esp; int $0x30" : : : "memory");
  fail ("the system call with a bad stack pointer returned");
}
