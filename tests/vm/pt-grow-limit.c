/* The stack may grow to 8 MiB below PHYS_BASE and no further.  Moves
   the stack pointer to just above that limit and pushes a word: the
   stack must grow there.  Then moves it to the limit itself, so that
   the push lands below: the process must be killed with exit code
   -1. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"

/* The top of user memory (threads/vaddr.h's PHYS_BASE). */
#define USER_TOP 0xc0000000u

/* Deepest address the stack may grow to. */
#define STACK_LIMIT (USER_TOP - 8 * 1024 * 1024)

/* Pushes a word with the stack pointer at SP, then puts the stack
   pointer back. */
static void
push_at (uintptr_t sp)
{
  asm volatile ("movl %%esp, %%edx\n\t"
                "movl %0, %%esp\n\t"
                "pushl $0x5a5a5a5a\n\t"
                "movl %%edx, %%esp"
                : : "r" (sp) : "edx", "memory");
}

void
test_main (void)
{
  push_at (STACK_LIMIT + 4);
  msg ("pushed a word at the deepest stack address allowed");
  push_at (STACK_LIMIT);
  fail ("pushed a word below the stack limit");
}
