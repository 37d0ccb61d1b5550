/* Random system calls with hostile arguments, here and in children
   that each end with a call the kernel must kill them for: every
   result the kernel promises is checked, every child ends with
   exit(-1), and no page is lost (tests/userprog/fuzz.h).  With
   arguments SEED COUNT, "make fuzz" runs it for longer. */

#include "tests/userprog/fuzz.h"

int
main (int argc, char *argv[])
{
  return fuzz_main (argc, argv, false);
}
