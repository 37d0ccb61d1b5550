/* The fuzzer's child program (tests/userprog/fuzz.h):
     child-fuzz die SEED COUNT [vm]
       makes COUNT random system calls that must not kill it, checking
       each result, then records its seed in FUZZ_MARK and makes one
       call that must kill it; exits with 1 if a result broke a promise
       or the last call returned;
     child-fuzz run SEED ROUNDS [vm]
       the runner of a fuzz run (fuzz_run in fuzz-main.c): exits with
       the number of kernel failures it saw.
   "vm" adds the calls of the virtual-memory lab. */

#include <stdlib.h>
#include <string.h>
#include "tests/lib.h"
#include "tests/userprog/fuzz.h"

int
main (int argc, char *argv[])
{
  test_name = FUZZ_CHILD;
  if (argc < 4)
    fail ("usage: %s die|run SEED COUNT [vm]", FUZZ_CHILD);
  unsigned seed = atoi (argv[2]);
  int count = atoi (argv[3]);
  bool vm = argc > 4 && !strcmp (argv[4], "vm");

  if (!strcmp (argv[1], "run"))
    return fuzz_run (seed, count, vm);
  fuzz_start (seed, vm);
  if (fuzz_calls (count) != 0)
    return TEST_FAILED_STATUS;
  fuzz_mark (seed);
  fuzz_fatal_call ();
}
