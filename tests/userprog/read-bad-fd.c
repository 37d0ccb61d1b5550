/* Reads from descriptors that name no open file: each read must fail
   with -1 (or kill the process). */

#include <limits.h>
#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  static const int bad_fds[] =
    { 0x20101234, 5, 1234, -1, -1024, INT_MIN, INT_MAX };
  char buf;

  for (unsigned i = 0; i < sizeof bad_fds / sizeof *bad_fds; i++)
    msg ("read(%d): %d", bad_fds[i], read (bad_fds[i], &buf, 1));
}
