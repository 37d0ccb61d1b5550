/* main() for test programs: names the test after the program, then
   runs test_main() between "begin" and "end". */

#include "tests/main.h"
#include "tests/lib.h"

/* Runs the test named ARGV[0]. */
int
main (int argc, char *argv[])
{
  test_name = argc > 0 ? argv[0] : "(no name)";
  msg ("begin");
  test_main ();
  msg ("end");
  return 0;
}
