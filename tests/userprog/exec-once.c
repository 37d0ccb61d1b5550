/* Starts one child and waits for it. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("exec child-simple");
  wait (exec ("child-simple"));
}
