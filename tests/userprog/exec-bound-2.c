/* Starts a child from a command line whose null terminator is the
   last mapped byte before an unmapped page: the kernel must not look
   past it. */

#include <string.h>
#include "tests/lib.h"
#include "tests/main.h"
#include "tests/userprog/boundary.h"

void
test_main (void)
{
  static const char cmd[] = "child-simple";
  char *p = (char *) get_bad_boundary () - sizeof cmd;

  memcpy (p, cmd, sizeof cmd);
  msg ("exec \"child-simple\", ending at the last mapped byte");
  wait (exec (p));
}
