/* Writes a small file (5,000 bytes) from start to end in equal pieces
   that straddle sectors, and checks that it reads back as written. */

#include "tests/filesys/base/fsbase.h"
#include "tests/lib.h"
#include "tests/main.h"

/* Runs the test. */
void
test_main (void)
{
  fsbase_write_check ("data", FSBASE_SMALL, FSBASE_SEQ_BLOCK);
}
