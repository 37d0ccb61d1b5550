/* Starts a child with an argument on its command line. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("exec \"child-args childarg\"");
  wait (exec ("child-args childarg"));
}
