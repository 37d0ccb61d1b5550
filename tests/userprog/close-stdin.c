/* Closes standard input: must do nothing (or kill the process). */

#include <stdio.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  msg ("close(0)");
  close (STDIN_FILENO);
}
