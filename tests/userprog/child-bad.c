/* Helper started by wait-killed: says it ran, then makes a system
   call with a bad stack pointer, for which the kernel kills it. */

#include "tests/lib.h"

int
main (void)
{
  test_name = "child-bad";
  msg ("run");
  asm volatile ("movl $0x20101234, %%esp; int $0x30" : : : "memory");
  fail ("the system call with a bad stack pointer returned");
}
