/* Waits for a child the kernel kills: wait returns -1. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("wait(exec(\"child-bad\")): %d", wait (exec ("child-bad")));
}
