/* Writes an array larger than the user pool from end to end, so that
   its first pages must leave memory for its last ones, and reads it
   back; then does the same with a second pattern.  Every page must
   come back from swap just as it was last written. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/pattern.h"

/* Bytes in the array: more than the whole user pool of the test's
   4 MB machine. */
#define LINEAR_SIZE (2 * 1024 * 1024)

/* Patterns written, one after the other. */
#define LINEAR_PASSES 2

static uint32_t array[LINEAR_SIZE / sizeof (uint32_t)];

void
test_main (void)
{
  for (unsigned seed = 1; seed <= LINEAR_PASSES; seed++)
    {
      pattern_fill (array, sizeof array, seed);
      msg ("wrote pattern %u over %d KiB", seed, LINEAR_SIZE / 1024);
      pattern_check (array, sizeof array, seed, "array");
      msg ("read pattern %u back intact", seed);
    }
}
