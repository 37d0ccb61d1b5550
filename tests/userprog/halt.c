/* Calls halt, which must power the machine off at once: nothing the
   test prints after "begin" may appear. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  halt ();
  fail ("halt returned");
}
