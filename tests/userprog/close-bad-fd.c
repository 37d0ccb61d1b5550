/* Closes a descriptor that was never opened: must do nothing (or kill
   the process). */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("close(0x20101234)");
  close (0x20101234);
}
