/* Reads sample.txt and compares it with what it should hold. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"

void
test_main (void)
{
  check_file ("sample.txt", sample, sizeof sample - 1);
}
