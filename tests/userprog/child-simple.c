/* Helper started by exec and wait tests: says it ran and exits with
   81. */

#include "tests/lib.h"

/* The exit status the tests that start this program expect. */
#define CHILD_SIMPLE_STATUS 81

int
main (void)
{
  test_name = "child-simple";
  msg ("run");
  return CHILD_SIMPLE_STATUS;
}
