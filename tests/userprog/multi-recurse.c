/* Runs itself recursively: "multi-recurse N" starts "multi-recurse
   N-1", waits for it, checks its exit status, and exits with N.  Run
   as "multi-recurse 15", sixteen processes nest. */

#include <stdio.h>
#include <stdlib.h>
#include "tests/lib.h"

/* Longest command line this test builds. */
#define CMD_MAX 32

int
main (int argc, char *argv[])
{
  int n = argc > 1 ? atoi (argv[1]) : 0;

  test_name = "multi-recurse";
  msg ("begin %d", n);
  if (n > 0)
    {
      char cmd[CMD_MAX];
      snprintf (cmd, sizeof cmd, "multi-recurse %d", n - 1);
      pid_t child = exec (cmd);
      int status = wait (child);
      if (status != n - 1)
        fail ("\"%s\" exited with %d, not %d", cmd, status, n - 1);
    }
  msg ("end %d", n);
  return n;
}
