/* Helper started by multi-child-fd: closes the descriptor named on
   its command line, which is its parent's, not its own.  The close
   must do nothing (or kill this process). */

#include <stdlib.h>
#include "tests/lib.h"

int
main (int argc, char *argv[])
{
  test_name = "child-close";
  const char *fd_word = argc > 1 ? argv[1] : NULL;
  if (fd_word == NULL)
    fail ("no descriptor given");

  msg ("close my parent's descriptor");
  close (atoi (fd_word));
  msg ("end");
  return 0;
}
