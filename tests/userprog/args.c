/* Prints the arguments the program was started with, one per line,
   and argv[argc], which must be a null pointer.  Built as each
   args-* test (run with the arguments the test's name suggests) and
   as child-args, which exec-arg and exec-bound start. */

#include <stddef.h>
#include "tests/lib.h"

/* Prints slot I of argv, which holds ARG. */
static void
show_slot (int i, const char *arg)
{
  if (arg == NULL)
    msg ("argv[%d] = null", i);
  else
    msg ("argv[%d] = '%s'", i, arg);
}

/* Prints ARGC, then each of the ARGC strings of ARGV and the slot
   after them, which ends the array. */
static void
show_arguments (int argc, char **argv)
{
  char **slot = argv;

  msg ("argc = %d", argc);
  while (slot < argv + argc)
    {
      show_slot (slot - argv, *slot);
      slot++;
    }
  show_slot (argc, *slot);
}

int
main (int argc, char *argv[])
{
  test_name = "args";
  msg ("begin");
  show_arguments (argc, argv);
  msg ("end");
  return 0;
}
