/* Passes a null pointer as the name of a file to open: the process
   must be killed with exit code -1. */

#include <stddef.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("open(NULL): %d", open (NULL));
  fail ("open with a null name returned");
}
