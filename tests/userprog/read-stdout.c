/* Reads from standard output: must fail with -1 (or kill the
   process). */

#include <stdio.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  char buf;
  msg ("read(1): %d", read (STDOUT_FILENO, &buf, 1));
}
