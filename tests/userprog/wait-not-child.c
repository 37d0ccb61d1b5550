/* A process may wait only for its own children: a child that waits
   for its sibling gets -1, and the parent can still wait for that
   sibling afterwards. */

#include <stdio.h>
#include "tests/lib.h"
#include "tests/main.h"

/* Longest command line this test builds. */
#define CMD_MAX 32

void
test_main (void)
{
  char cmd[CMD_MAX];
  pid_t sibling;

  CHECK ((sibling = exec ("child-simple")) != PID_ERROR, "exec child-simple");
  msg ("wait: %d", wait (sibling));
  snprintf (cmd, sizeof cmd, "child-wait %d", sibling);
  msg ("child-wait exited with %d", wait (exec (cmd)));
}
