/* Helper started by multi-child-fd: closes the descriptor named on
   its command line, which is its parent's, not its own.  The close
   must do nothing (or kill this process). */

#include <stdlib.h>
#include "tests/lib.h"

int
main (int argc, char *argv[])
{
  test_name = "child-close";
  if (argc < 2)
    fail ("no descriptor given");
  msg ("close my parent's descriptor");
  close (atoi (argv[1]));
  msg ("end");
  return 0;
}
