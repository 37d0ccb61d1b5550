/* Opens a file and starts a child that tries to close the parent's
   descriptor: descriptors are per process, so the file must still be
   open, and readable, in the parent afterwards. */

#include <stdio.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/sample.h"

/* Longest command line this test builds. */
#define CMD_MAX 32

void
test_main (void)
{
  char cmd[CMD_MAX];
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  snprintf (cmd, sizeof cmd, "child-close %d", fd);
  msg ("exec child-close with the descriptor");
  msg ("child-close exited with %d", wait (exec (cmd)));
  check_file_handle (fd, "sample.txt", sample, sizeof sample - 1);
}
