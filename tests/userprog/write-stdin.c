/* Writes to standard input: must fail with -1 (or kill the
   process). */

#include <stdio.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  char buf = 'x';
  msg ("write(0): %d", write (STDIN_FILENO, &buf, 1));
}
