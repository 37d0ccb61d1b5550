/* Prints the arguments the program was started with, one per line,
   and argv[argc], which must be a null pointer.  Built as each
   args-* test (run with the arguments the test's name suggests) and
   as child-args, which exec-arg and exec-bound start. */

#include <stddef.h>
#include "tests/lib.h"

int
main (int argc, char *argv[])
{
  test_name = "args";

  msg ("begin");
  msg ("argc = %d", argc);
  for (int i = 0; i <= argc; i++)
    if (argv[i] != NULL)
      msg ("argv[%d] = '%s'", i, argv[i]);
    else
      msg ("argv[%d] = null", i);
  msg ("end");
  return 0;
}
