/* Fills a 4 KiB array on the stack: more than the first stack page
   has left below the arguments, so the stack must grow by a page while
   the array is written, and keep what was written there. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/pattern.h"

/* Bytes in the array, and the pattern written to it. */
#define GROW_SIZE 4096
#define GROW_SEED 11

void
test_main (void)
{
  uint32_t array[GROW_SIZE / sizeof (uint32_t)];

  pattern_fill (array, sizeof array, GROW_SEED);
  msg ("filled a %d-byte array on the stack", GROW_SIZE);
  pattern_check (array, sizeof array, GROW_SEED, "stack array");
  msg ("read it back intact");
}
