/* Writes to an executable stay refused while any of several nested
   processes runs it: "child-rox 5" starts "child-rox 4" and so on,
   and each checks before and after its child runs.  Once all have
   exited, the executable can be written again. */

#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/rox.h"

void
test_main (void)
{
  msg ("exec \"child-rox 5\"");
  msg ("child-rox 5 exited with %d", wait (exec ("child-rox 5")));
  rox_check_write ("child-rox", true);
}
