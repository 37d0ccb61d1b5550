/* Helper started by wait-not-child: waits for the pid on its command
   line, a sibling's, which must fail with -1. */

#include <stdlib.h>
#include "tests/lib.h"

int
main (int argc, char *argv[])
{
  test_name = "child-wait";
  if (argc < 2)
    fail ("no pid given");
  msg ("wait for my sibling: %d", wait (atoi (argv[1])));
  return 0;
}
