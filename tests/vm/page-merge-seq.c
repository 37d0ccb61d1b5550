/* Sorts 128 KiB of random bytes in 8 chunks with one child-sort process
   after another, sorting a chunk each, then merges them (see merge.c). */

#include "tests/main.h"
#include "tests/vm/merge.h"

void
test_main (void)
{
  merge_test ("child-sort", false);
}
