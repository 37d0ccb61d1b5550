/* Passes a null pointer as the name of a file to create: the process
   must be killed with exit code -1. */

#include <stddef.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("create(NULL): %d", create (NULL, 0));
  fail ("create with a null name returned");
}
