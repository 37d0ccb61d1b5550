/* Writes to descriptors that name no open file: each write must fail
   with -1 (or kill the process). */

#include <limits.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  static const int bad_fds[] =
    { 0x20101234, 5, 1234, -1, -1024, INT_MIN, INT_MAX };
  char buf = 'x';

  for (unsigned i = 0; i < sizeof bad_fds / sizeof *bad_fds; i++)
    msg ("write(%d): %d", bad_fds[i], write (bad_fds[i], &buf, 1));
}
