/* Reads 4 KiB below the stack pointer: too far below it to be a push,
   so the kernel must not grow the stack for it but kill the process
   with exit code -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  int value;

  asm volatile ("movl -4096(%%esp), %0" : "=r" (value));
  fail ("read %d from 4 KiB below the stack pointer", value);
}
