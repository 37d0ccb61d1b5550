/* Makes an exit system call with the call number in the topmost word
   of the user stack, so that its argument would lie at PHYS_BASE, in
   kernel space: the process must be killed with exit code -1. */

#include <syscall-nr.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  asm volatile ("movl $0xbffffffc, %%esp; movl %0, (%%esp); int $0x30"
                : : "i" (SYS_EXIT) : "memory");
  fail ("the system call with its argument in kernel space returned");
}
