/* Closes a descriptor twice: the second close must do nothing (or
   kill the process). */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  int fd;

  CHECK ((fd = open ("sample.txt")) > 1, "open sample.txt");
  msg ("close sample.txt");
  close (fd);
  msg ("close sample.txt again");
  close (fd);
}
