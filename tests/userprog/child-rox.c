/* Helper of the rox tests: checks that its own executable cannot be
   written while it runs.  "child-rox N" with N > 0 also starts
   "child-rox N-1" and checks again once that child is gone, since
   this process is still running. */

#include <stdio.h>
#include <stdlib.h>
#include "tests/lib.h"
#include "tests/userprog/rox.h"

/* Longest command line this program builds. */
#define CMD_MAX 32

int
main (int argc, char *argv[])
{
  int n = argc > 1 ? atoi (argv[1]) : 0;

  test_name = "child-rox";
  msg ("begin %d", n);
  rox_check_write ("child-rox", false);
  if (n > 0)
    {
      char cmd[CMD_MAX];
      snprintf (cmd, sizeof cmd, "child-rox %d", n - 1);
      msg ("child-rox %d exited with %d", n - 1, wait (exec (cmd)));
      rox_check_write ("child-rox", false);
    }
  msg ("end %d", n);
  return n;
}
