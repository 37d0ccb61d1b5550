/* Sorts 128 KiB of random bytes in 8 chunks with eight child-qsort
   processes at once, each sorting its chunk in a buffer on its stack,
   then merges them (see merge.c). */

#include "tests/main.h"
#include "tests/vm/merge.h"

void
test_main (void)
{
  merge_test ("child-qsort", true);
}
