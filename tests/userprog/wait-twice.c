/* Waits for the same child twice: the second wait returns -1 at
   once. */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  pid_t child;

  CHECK ((child = exec ("child-simple")) != PID_ERROR, "exec child-simple");
  msg ("wait: %d", wait (child));
  msg ("wait again: %d", wait (child));
}
