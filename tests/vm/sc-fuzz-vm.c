/* sc-fuzz (tests/userprog/fuzz.h) on the virtual-memory kernel, with
   mmap, munmap and vmstat among the calls and mapped pages among the
   buffers; free swap slots must come back too. */

#include "tests/userprog/fuzz.h"

int
main (int argc, char *argv[])
{
  return fuzz_main (argc, argv, true);
}
