/* Waits for a child: wait returns the child's exit status, 81. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("wait(exec(\"child-simple\")): %d", wait (exec ("child-simple")));
}
