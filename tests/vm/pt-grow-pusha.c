/* Moves the stack pointer to a page boundary a page below the lowest
   page the stack has used, and runs PUSHA there.  PUSHA stores its 32
   bytes below %esp, in a page that does not exist yet, before it moves
   %esp: the kernel must take that for a stack access and grow the
   stack, not kill the process. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  asm volatile ("movl %%esp, %%eax\n\t"         /* Keep the stack pointer. */
                "andl $0xfffff000, %%esp\n\t"   /* Bottom of its page... */
                "subl $0x1000, %%esp\n\t"       /* ...and a page lower. */
                "pushal\n\t"
                "movl %%eax, %%esp"
                : : : "eax", "memory");
  msg ("PUSHA below the stack pointer grew the stack");
}
