/* Opens the empty string: must return -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("open(\"\"): %d", open (""));
}
