/* Child of sc-fuzz and sc-fuzz-vm: "child-fuzz SEED COUNT [vm]" makes
   COUNT random system calls that must not kill it, checking each
   result, then one that must (tests/userprog/fuzz.h).  Exits with 1
   if a result broke a promise or the last call returned. */

#include <string.h>
#include <stdlib.h>
#include "tests/lib.h"
#include "tests/userprog/fuzz.h"

int
main (int argc, char *argv[])
{
  test_name = FUZZ_CHILD;
  if (argc < 3)
    fail ("usage: %s SEED COUNT [vm]", FUZZ_CHILD);
  fuzz_start (atoi (argv[1]), argc > 3 && !strcmp (argv[3], "vm"));
  if (fuzz_calls (atoi (argv[2])) != 0)
    return TEST_FAILED_STATUS;
  fuzz_fatal_call ();
}
