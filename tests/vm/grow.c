/* Stack growth, shown (see grow.h). */

#include "tests/vm/grow.h"
#include <stdint.h>
#include "tests/lib.h"
#include "tests/vm/pattern.h"

/* Bytes in the array, and its pattern. */
#define GROW_SIZE (8 * 1024)
#define GROW_SEED 11

/* Fills an 8 KiB array on the stack, below anything the stack has used
   so far, reads it back, and says so.  pt-grow-stack is just this; the
   tests that end in a fault start with it, so that they fail on a
   kernel that kills every access beyond the first stack page, as one
   without virtual memory does. */
void
grow_stack (void)
{
  uint32_t array[GROW_SIZE / sizeof (uint32_t)];

  pattern_fill (array, sizeof array, GROW_SEED);
  pattern_check (array, sizeof array, GROW_SEED, "stack array");
  msg ("the stack grew by %d KiB", GROW_SIZE / 1024);
}
