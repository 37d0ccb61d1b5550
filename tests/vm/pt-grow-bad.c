/* Grows the stack; then moves the stack pointer 1 MiB down, where the
   stack has never been, and reads 4 KiB below it: too far below the
   stack pointer to be a push, so the kernel must not grow the stack
   for it but kill the process with exit code -1. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/grow.h"

/* The top of user memory (threads/vaddr.h's PHYS_BASE). */
#define USER_TOP 0xc0000000u

/* Where the stack pointer goes. */
#define LOW_SP (USER_TOP - 1024 * 1024)

void
test_main (void)
{
  int value;

  grow_stack ();
  asm volatile ("movl %%esp, %%edx\n\t"
                "movl %1, %%esp\n\t"
                "movl -4096(%%esp), %0\n\t"
                "movl %%edx, %%esp"
                : "=r" (value) : "r" (LOW_SP) : "edx", "memory");
  fail ("read %d from 4 KiB below the stack pointer", value);
}
