/* Waits for a pid that is no child: wait returns -1 (or the process
   is killed). */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("wait(0x0c020301): %d", wait ((pid_t) 0x0c020301));
}
