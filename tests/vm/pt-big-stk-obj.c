/* Fills a 64 KiB object on the stack, sixteen pages the stack must
   grow to as the object is written, and reads it back. */

#include <stdint.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/vm/pattern.h"

/* Bytes in the object, and the pattern written to it. */
#define BIG_SIZE (64 * 1024)
#define BIG_SEED 12

void
test_main (void)
{
  struct
    {
      uint32_t words[BIG_SIZE / sizeof (uint32_t)];
    }
  object;

  pattern_fill (&object, sizeof object, BIG_SEED);
  msg ("filled a %d KiB object on the stack", BIG_SIZE / 1024);
  pattern_check (&object, sizeof object, BIG_SEED, "stack object");
  msg ("read it back intact");
}
