/* Writes a small file (5,000 bytes) in equal pieces at shuffled
   offsets, seeking before each, and checks that it reads back as written. */

#include "tests/filesys/base/fsbase.h"
#include "tests/lib.h"
#include "tests/main.h"

/* Runs the test. */
void
test_main (void)
{
  fsbase_write_check ("data", FSBASE_SMALL, FSBASE_RANDOM_BLOCKS);
}
