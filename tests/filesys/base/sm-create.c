/* Creates a small file (5,000 bytes) and checks that it reads back as
   zeros and does not grow. */

#include "tests/filesys/base/fsbase.h"
#include "tests/lib.h"
#include "tests/main.h"

/* Runs the test. */
void
test_main (void)
{
  fsbase_create_check_zero ("blank", FSBASE_SMALL);
}
