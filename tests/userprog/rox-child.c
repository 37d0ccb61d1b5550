/* An executable can be written while no process runs it, not while
   one does, and again once that process has exited. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/rox.h"

void
test_main (void)
{
  rox_check_write ("child-rox", true);
  msg ("exec child-rox");
  msg ("child-rox exited with %d", wait (exec ("child-rox")));
  rox_check_write ("child-rox", true);
}
