/* Opens a file that does not exist: must return -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("open(\"no-such-file\"): %d", open ("no-such-file"));
}
