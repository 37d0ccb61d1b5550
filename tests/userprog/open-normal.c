/* Opens a file that exists. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  CHECK (open ("sample.txt") > 1, "open sample.txt");
}
