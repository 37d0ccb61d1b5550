/* Closes standard output: must do nothing (or kill the process); if
   it does nothing, output still works afterwards. */

#include <stdio.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("close(1)");
  close (STDOUT_FILENO);
}
