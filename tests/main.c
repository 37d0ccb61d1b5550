/* The main () of test programs that consist of one test_main (): the
   test takes its name from the program's name (argv[0]). */

#include "tests/main.h"
#include "tests/lib.h"

/* Runs test_main () as the test named ARGV[0], between its "begin" and
   "end" lines.  Returns 0; a test that fails exits from fail (). */
int
main (int argc, char *argv[])
{
  return test_run (argc > 0 ? argv[0] : "(no name)", test_main);
}
