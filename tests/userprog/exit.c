/* Calls exit (57): the kernel must print "exit: exit(57)". */

#include "tests/lib.h"
#include "tests/main.h"

void
test_main (void)
{
  exit (57);
  fail ("exit returned");
}
