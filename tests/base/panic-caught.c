/* Panics: the kernel test panics on purpose, three calls deep, so
   that the .ck can check what a student sees when the kernel dies:
   the panic message naming this file, the line and the function, a
   call stack, and the harness decoding that stack into function
   names.  The test passes when the panic is reported properly. */

#include "tests/base/check.h"
#include "tests/ktest.h"

/* Panics, after saying on which line, with a message the .ck knows. */
static void NO_INLINE __attribute__ ((noipa))
panic_caught_deliberately (int depth)
{
  msg ("panicking on line %d, %d calls deep", __LINE__ + 1, depth);
  PANIC ("deliberate panic, %d calls deep", depth);
}

/* The middle of the chain.  The failure after the call keeps the
   call from becoming a jump, so this frame shows in the stack. */
static void NO_INLINE __attribute__ ((noipa))
panic_caught_middle (int depth)
{
  panic_caught_deliberately (depth + 1);
  fail ("PANIC returned");
}

/* Starts the chain of calls that ends in a panic. */
static void
panic_caught_test (void)
{
  panic_caught_middle (2);
  fail ("PANIC returned");
}

KTEST ("panic-caught", panic_caught_test);
