/* Starts a child from a command line that runs off the end of the
   mapped memory, with no null terminator before the unmapped page:
   the process must be killed with exit code -1. */

#include <string.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  static const char cmd[] = "child-simple";
  char *p = (char *) get_bad_boundary () - (sizeof cmd - 1);

  memcpy (p, cmd, sizeof cmd - 1);
  msg ("exec a command line that runs into an unmapped page");
  wait (exec (p));
  fail ("exec with an unterminated command line returned");
}
