/* Starts a program that does not exist: exec must return -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("exec(\"no-such-file\"): %d", exec ("no-such-file"));
}
