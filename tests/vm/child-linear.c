/* Helper of page-parallel, page-stress and page-exhaust:
   "child-linear ID [KIB [PASSES]]" writes a pattern of its own over
   KIB KiB of memory (default 1024) and reads it back, PASSES times
   (default 1), each pass with a new pattern, and exits with ID.  Run
   several at once, they need more memory than the machine has. */

#include <stdint.h>
#include <stdlib.h>
#include "tests/lib.h"
#include "tests/vm/pattern.h"

/* Most KiB it may be asked to use, and the defaults. */
#define LINEAR_MAX_KIB 4096
#define LINEAR_DEFAULT_KIB 1024
#define LINEAR_DEFAULT_PASSES 1

/* Patterns of different children and passes differ: the seed of pass
   P of child ID is ID * LINEAR_SEED_STRIDE + P. */
#define LINEAR_SEED_STRIDE 100

static uint32_t array[LINEAR_MAX_KIB * 1024 / sizeof (uint32_t)];

int
main (int argc, char *argv[])
{
  test_name = "child-linear";
  if (argc < 2 || argc > 4)
    fail ("usage: child-linear ID [KIB [PASSES]]");
  int id = atoi (argv[1]);
  int kib = argc > 2 ? atoi (argv[2]) : LINEAR_DEFAULT_KIB;
  int passes = argc > 3 ? atoi (argv[3]) : LINEAR_DEFAULT_PASSES;
  if (kib <= 0 || kib > LINEAR_MAX_KIB)
    fail ("cannot use %d KiB", kib);

  size_t size = (size_t) kib * 1024;
  for (int pass = 0; pass < passes; pass++)
    {
      unsigned seed = id * LINEAR_SEED_STRIDE + pass;
      pattern_fill (array, size, seed);
      pattern_check (array, size, seed, "child-linear array");
    }
  return id;
}
