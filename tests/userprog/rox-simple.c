/* A running program's executable can be read but not written. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/rox.h"

void
test_main (void)
{
  rox_check_write ("rox-simple", false);
}
