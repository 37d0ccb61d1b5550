/* Sorts 128 KiB of random bytes in 8 chunks with eight child-qsort-mm
   processes at once, each sorting its chunk in place through mmap,
   then merges them (see merge.c). */

#include "tests/main.h"
#include "tests/vm/merge.h"

void
test_main (void)
{
  merge_test ("child-qsort-mm", true);
}
